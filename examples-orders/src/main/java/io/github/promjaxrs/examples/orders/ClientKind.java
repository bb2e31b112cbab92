package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.LabelValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * A {@link LabelValue}: the kind of client, from its {@code User-Agent} header. The header is
 * whatever the client sends, so it is reduced to a few fixed values rather than used as is: a
 * label must not take arbitrary client input.
 */
public final class ClientKind implements LabelValue {

    @Override
    public String value(ContainerRequestContext request, ContainerResponseContext response) {
        String agent = request.getHeaderString(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return "none";
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        if (lower.startsWith("prometheus/")) {
            return "prometheus";
        } else if (lower.startsWith("curl/")) {
            return "curl";
        } else if (lower.startsWith("java")) {
            return "java";
        } else if (lower.startsWith("mozilla/")) {
            return "browser";
        }
        return "other";
    }
}
