package dev.copilotsuite.gateway.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.config.OidcSignInConfig;
import dev.copilotsuite.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.build.Jwt;

/**
 * How the web app signs in. {@code GET /api/auth/methods} says which ways this gateway offers (the development
 * sign-in, OpenID Connect). {@code GET /api/auth/login} is where the OIDC authorization code flow ends (only that
 * path uses it; everything else takes a bearer token): the identity provider's user becomes a suite user token,
 * the same kind {@code ./copilot token} and the dev sign-in mint, handed to the app in the address's fragment
 * (never sent to a server; the app removes it from the address bar).
 */
@Path("/api/auth")
@PermitAll
public class OidcSignInResource {

    static final int MAX_CLAIM_LENGTH = 256;

    private final boolean oidcEnabled;
    private final boolean devEnabled;
    private final OidcSignInConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final String issuer;

    public OidcSignInResource(@ConfigProperty(name = "quarkus.oidc.sign-in.tenant-enabled", defaultValue = "true") boolean oidcEnabled,
            GatewayConfig gateway, OidcSignInConfig config, SecurityIdentity identity, ObjectMapper mapper,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.oidcEnabled = oidcEnabled;
        this.devEnabled = gateway.devToken().enabled();
        this.config = config;
        this.identity = identity;
        this.mapper = mapper;
        this.issuer = issuer;
    }

    @GET
    @Path("/methods")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode methods() {
        ObjectNode out = mapper.createObjectNode().put("dev", devEnabled).put("oidc", oidcEnabled);
        out.put("login", oidcEnabled ? "/api/auth/login" : null);
        return out;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.APPLICATION_JSON)
    public Response login() {
        if (!oidcEnabled) {
            throw Requests.refused(Response.Status.NOT_FOUND, "NOT_FOUND", "No such endpoint.");
        }
        Principal principal = identity.getPrincipal();
        if (identity.isAnonymous() || !(principal instanceof JsonWebToken idToken)) {
            throw Requests.refused(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in with the identity provider first.");
        }
        String user = claim(idToken.getSubject());
        String tenant = claim(idToken.getClaim(config.tenantClaim()));
        if (tenant == null) {
            tenant = config.defaultTenant().map(OidcSignInResource::claim).orElse(null);
        }
        if (user == null || tenant == null) {
            throw Requests.refused(Response.Status.FORBIDDEN, "FORBIDDEN", user == null
                    ? "The identity provider named no user."
                    : "Your account names no tenant ('" + config.tenantClaim() + "' claim); ask your administrator.");
        }
        String name = claim(idToken.getClaim("preferred_username"));
        String token = Jwt.issuer(issuer).subject(user).upn(name == null ? user : name).claim("tenant", tenant)
                .groups(Set.of(Roles.USER)).expiresIn(config.tokenLifetime()).sign();
        return Response.seeOther(URI.create("/#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    /** A claim as text: present, not blank, bounded; anything else (a number, an array) is no value. */
    static String claim(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value instanceof String s ? s : null;
        return text == null || text.isBlank() || text.length() > MAX_CLAIM_LENGTH ? null : text;
    }
}
