package dev.copilotsuite.gateway.rest;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;

/**
 * The web app's development sign-in: mints a user token like {@code ./copilot token}. It exists only where
 * {@code copilot.gateway.dev-token.enabled} is true, which only the dev profile sets; everywhere else it
 * answers 404 as if it were not there.
 */
@Path("/api/dev/token")
@PermitAll
public class DevTokenResource {

    private final GatewayConfig.DevToken config;
    private final ObjectMapper mapper;
    private final String issuer;

    public DevTokenResource(GatewayConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.config = config.devToken();
        this.mapper = mapper;
        this.issuer = issuer;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response mint(String body) {
        if (!config.enabled()) {
            throw Requests.refused(Response.Status.NOT_FOUND, "NOT_FOUND", "No such endpoint.");
        }
        JsonNode request = body == null || body.isBlank() ? mapper.createObjectNode() : Requests.object(mapper, body);
        String user = orDefault(Requests.text(request, "user"), config.user(), "user");
        String tenant = orDefault(Requests.text(request, "tenant"), config.tenant(), "tenant");
        String token = Jwt.issuer(issuer).subject(user).upn(user).claim("tenant", tenant).groups(Set.of(Roles.USER))
                .expiresIn(config.lifetime()).sign();
        return Response.ok(mapper.createObjectNode().put("token", token).put("user", user).put("tenant", tenant)
                .put("expiresIn", config.lifetime().toSeconds())).build();
    }

    private static String orDefault(String value, String fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (!SessionKeys.validClientId(value)) {
            throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD",
                    "'" + field + "' is 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        return value;
    }
}
