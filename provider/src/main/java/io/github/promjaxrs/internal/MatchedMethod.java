package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One resource method as seen at start-up: its endpoint name and its template, which is static
 * unless the method is reached through sub-resource locators.
 */
final class MatchedMethod {

    final String endpoint;
    final String staticTemplate;
    private final RuntimeAdapter runtime;
    private final Map<List<?>, String> templatesByLocatorChain = new ConcurrentHashMap<>();

    MatchedMethod(String endpoint, String staticTemplate, RuntimeAdapter runtime) {
        this.endpoint = endpoint;
        this.staticTemplate = staticTemplate;
        this.runtime = runtime;
    }

    /** Whether this request came through sub-resource locators, so its template is not the static one. */
    boolean viaLocators(ContainerRequestContext request) {
        return !runtime.locatorChain(request).isEmpty();
    }

    /** The full template of this request. */
    String template(ContainerRequestContext request) {
        List<?> chain = runtime.locatorChain(request);
        if (chain.isEmpty()) {
            return staticTemplate;
        }
        String template = templatesByLocatorChain.get(chain);
        if (template == null) {
            template = runtime.matchedTemplate(request);
            templatesByLocatorChain.putIfAbsent(List.copyOf(chain), template);
        }
        return template;
    }

    @Override
    public String toString() {
        return endpoint;
    }
}
