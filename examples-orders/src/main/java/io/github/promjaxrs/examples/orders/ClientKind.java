package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.LabelValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A {@link LabelValue}: the kind of client, from its {@code User-Agent} header. The header is
 * whatever the client sends, so it is reduced to a few fixed values rather than used as is: a
 * label must not take arbitrary client input.
 */
public final class ClientKind implements LabelValue {

    /**
     * {@link HttpHeaders#USER_AGENT} in lower case: header names are case-insensitive, and Jersey's
     * header map hashes a lower-case form of the name it is given, a copy unless it is lower case already.
     */
    private static final String USER_AGENT = "user-agent";

    @Override
    public String value(ContainerRequestContext request, ContainerResponseContext response) {
        // the first value is enough to classify; getHeaderString copies every value into a new string
        String agent = request.getHeaders().getFirst(USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return "none";
        }
        // compared in place: a lower-case copy of every request's header would be garbage
        if (startsWithIgnoreCase(agent, "prometheus/")) {
            return "prometheus";
        } else if (startsWithIgnoreCase(agent, "curl/")) {
            return "curl";
        } else if (startsWithIgnoreCase(agent, "java")) {
            return "java";
        } else if (startsWithIgnoreCase(agent, "mozilla/")) {
            return "browser";
        }
        return "other";
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
