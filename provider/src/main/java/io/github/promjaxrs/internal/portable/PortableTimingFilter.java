package io.github.promjaxrs.internal.portable;

import io.github.promjaxrs.internal.PropertyTimings;
import io.github.promjaxrs.internal.RequestRecorder;
import io.github.promjaxrs.internal.RequestTiming;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Begins every request before matching and records it once its final response exists.
 * Registered with the lowest {@link #PRIORITY}, it is the first request filter and the last
 * response filter, so the time covers the other filters and the status is the one the client gets.
 */
@PreMatching
public final class PortableTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final int PRIORITY = Integer.MIN_VALUE;

    private final RequestRecorder recorder;
    private final PropertyTimings timings;

    public PortableTimingFilter(RequestRecorder recorder, PropertyTimings timings) {
        this.recorder = recorder;
        this.timings = timings;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        timings.attach(request, recorder.begin(request));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestTiming timing = timings.get(request);
        if (timing != null) {
            recorder.finish(timing, request, response, response.getStatus(), false, null);
        }
    }
}
