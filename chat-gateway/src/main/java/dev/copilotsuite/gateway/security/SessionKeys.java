package dev.copilotsuite.gateway.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Turns the session id a client names into the suite-wide session key, scoped by the caller's token.
 * A chat session belongs to one user of one tenant; a call session to a tenant (any of its agents may
 * join). Since the key is derived from the token, a client cannot even name another owner's session.
 */
public final class SessionKeys {

    /** What a client may call a session: short, no separators. */
    public static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public enum Kind {
        @JsonProperty("chat") CHAT,
        @JsonProperty("call") CALL
    }

    public static boolean validClientId(String id) {
        return id != null && CLIENT_ID.matcher(id).matches();
    }

    public static String chat(String tenantId, String userId, String clientId) {
        return "chat:" + encode(tenantId) + ":" + encode(userId) + ":" + clientId;
    }

    public static String call(String tenantId, String contactId) {
        return "call:" + encode(tenantId) + ":" + contactId;
    }

    public static String of(Kind kind, String tenantId, String userId, String clientId) {
        return kind == Kind.CHAT ? chat(tenantId, userId, clientId) : call(tenantId, clientId);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace(":", "%3A");
    }

    private SessionKeys() {
    }
}
