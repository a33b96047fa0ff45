package dev.copilotsuite.platform.security;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Signs every call of a REST client with this service's token; register it with {@code @RegisterProvider}. */
public class ServiceAuthFilter implements ClientRequestFilter {

    private final ServiceTokens tokens;

    public ServiceAuthFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, tokens.bearer());
    }
}
