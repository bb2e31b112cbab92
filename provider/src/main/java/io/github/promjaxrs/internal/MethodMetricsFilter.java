package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** Bound to one resource method at start-up: applies its {@link MethodMetrics} to each request that matches it. */
final class MethodMetricsFilter implements ContainerRequestFilter {

    /** Before any other post-matching filter, so requests they abort still carry their template. */
    static final int PRIORITY = Integer.MIN_VALUE;

    private final RequestRecorder recorder;
    private final MethodMetrics metrics;

    MethodMetricsFilter(RequestRecorder recorder, MethodMetrics metrics) {
        this.recorder = recorder;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestTiming timing = recorder.timing(request);
        if (timing != null) {
            metrics.matched(timing, request);
        }
    }
}
