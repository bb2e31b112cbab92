package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.function.Function;

/** Bound to one resource method at start-up: applies its {@link MethodRecording} to each request that matches it. */
public final class MethodRecordingFilter implements ContainerRequestFilter {

    /** Before any other post-matching filter, so requests they abort still carry their template. */
    public static final int PRIORITY = Integer.MIN_VALUE;

    private final Function<ContainerRequestContext, RequestState> timings;
    private final MethodRecording metrics;

    /** @param timings finds the request's timing where the runtime keeps it (null: not timed) */
    public MethodRecordingFilter(Function<ContainerRequestContext, RequestState> timings, MethodRecording metrics) {
        this.timings = timings;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestState timing = timings.apply(request);
        if (timing != null) {
            metrics.matched(timing, request);
        }
    }
}
