package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Bound to one resource method at start-up: tells the request's timing which method matched,
 * or that the method is not tracked.
 */
final class MatchedMethodFilter implements ContainerRequestFilter {

    /** Before any other post-matching filter, so requests they abort still carry their template. */
    static final int PRIORITY = Integer.MIN_VALUE;

    private final DefaultMetrics metrics;
    private final MatchedMethod method;

    /** @param method null for a method that is not tracked */
    MatchedMethodFilter(DefaultMetrics metrics, MatchedMethod method) {
        this.metrics = metrics;
        this.method = method;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestTiming timing = metrics.runtime().timing(request, metrics);
        if (timing == null) {
            return;
        }
        if (method == null) {
            timing.untracked = true;
        } else {
            timing.group = method.group(request);
        }
    }
}
