package io.github.promjaxrs.examples.orders;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a scrape through only with {@code Authorization: Bearer <token>}, the credentials a
 * Prometheus {@code authorization:} block sends. Given to {@code metricsEndpointFilter}, it
 * guards {@code /metrics} alone; a refused scrape gets 401 and no metric data.
 */
public final class BearerTokenFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final byte[] token;

    public BearerTokenFilter(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("the metrics token must not be empty");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        byte[] given = bearer ? header.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // constant time, so the answer's timing does not reveal how much of a guess was right
        if (!MessageDigest.isEqual(token, given)) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("401 Unauthorized: /metrics requires Authorization: Bearer <METRICS_TOKEN>\n")
                    .build());
        }
    }
}
