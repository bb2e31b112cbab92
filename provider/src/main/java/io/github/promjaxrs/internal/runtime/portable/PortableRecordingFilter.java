package io.github.promjaxrs.internal.runtime.portable;

import io.github.promjaxrs.internal.recording.RequestStateProperty;
import io.github.promjaxrs.internal.recording.RequestRecorder;
import io.github.promjaxrs.internal.recording.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;

/**
 * Begins every request before matching and records it once its final response exists.
 * Registered with the lowest {@link #PRIORITY}, it is the first request filter and the last
 * response filter, so the time covers the other filters and the status is the one the client gets.
 * It also answers scrapes of the endpoint, if there is one ({@link FilteredEndpoint}).
 */
@PreMatching
final class PortableRecordingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final int PRIORITY = Integer.MIN_VALUE;

    private final RequestRecorder recorder;
    private final RequestStateProperty timings;
    private final FilteredEndpoint endpoint;

    /** @param endpoint the endpoint this filter answers, or null for none */
    PortableRecordingFilter(RequestRecorder recorder, RequestStateProperty timings, FilteredEndpoint endpoint) {
        this.recorder = recorder;
        this.timings = timings;
        this.endpoint = endpoint;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        RequestState timing = recorder.begin(request);
        timings.attach(request, timing);
        if (endpoint != null) {
            endpoint.answerIfScrape(request, timing);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestState timing = timings.get(request);
        if (timing != null) {
            recorder.finish(timing, request, response, response.getStatus(), false, null);
        }
    }
}
