package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Starts timing every request before matching and records it once its final response exists.
 * Registered with the lowest {@link #PRIORITY}, it is the first request filter and the last
 * response filter, so the time covers the other filters and the status is the one the client gets.
 */
@PreMatching
public final class DefaultMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final int PRIORITY = Integer.MIN_VALUE;

    private final DefaultMetrics metrics;
    private final RuntimeAdapter runtime;

    public DefaultMetricsFilter(DefaultMetrics metrics, RuntimeAdapter runtime) {
        this.metrics = metrics;
        this.runtime = runtime;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!metrics.isExcluded(request)) {
            runtime.start(request, metrics);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestTiming timing = runtime.timing(request, metrics);
        if (timing != null) {
            metrics.record(timing, request, response, response.getStatus(), false);
        }
    }
}
