package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Begins every request before matching and finishes it once its final response exists.
 * Registered with the lowest {@link #PRIORITY}, it is the first request filter and the last
 * response filter, so the time covers the other filters and the status is the one the client gets.
 * A runtime that sees the end of a request another way registers only its request half
 * ({@link RuntimeAdapter#registerTimingFilter}).
 */
@PreMatching
public final class RequestTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final int PRIORITY = Integer.MIN_VALUE;

    private final RequestRecorder recorder;

    public RequestTimingFilter(RequestRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        recorder.begin(request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestTiming timing = recorder.timing(request);
        if (timing != null) {
            recorder.runtime().responseFiltered(recorder, timing, request, response);
        }
    }
}
