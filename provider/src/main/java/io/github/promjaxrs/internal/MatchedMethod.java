package io.github.promjaxrs.internal;

import io.github.promjaxrs.GroupBy;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One resource method as the default metrics see it, resolved at start-up: its template and
 * endpoint, and the series group its requests update.
 */
final class MatchedMethod {

    private final DefaultMetrics metrics;
    private final String template;
    private final GroupSeries group;
    /** Templates of this method reached through sub-resource locators, by locator chain. */
    private final Map<List<?>, GroupSeries> byLocatorChain = new ConcurrentHashMap<>();

    MatchedMethod(DefaultMetrics metrics, String template, String endpoint) {
        this.metrics = metrics;
        this.template = template;
        this.group = metrics.group(metrics.groupBy().kind() == GroupBy.Kind.ENDPOINT
                ? endpoint : template);
    }

    /** The group of this request: the static one unless the template depends on the locators it came through. */
    GroupSeries group(ContainerRequestContext request) {
        if (metrics.groupBy().kind() == GroupBy.Kind.ENDPOINT) {
            return group;
        }
        List<?> chain = metrics.runtime().locatorChain(request);
        if (chain.isEmpty()) {
            return group;
        }
        GroupSeries viaLocators = byLocatorChain.get(chain);
        if (viaLocators == null) {
            viaLocators = metrics.group(metrics.runtime().matchedTemplate(request));
            byLocatorChain.putIfAbsent(List.copyOf(chain), viaLocators);
        }
        return viaLocators;
    }

    @Override
    public String toString() {
        return template;
    }
}
