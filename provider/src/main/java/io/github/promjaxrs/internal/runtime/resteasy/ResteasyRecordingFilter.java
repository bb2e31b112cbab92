package io.github.promjaxrs.internal.runtime.resteasy;

import io.github.promjaxrs.internal.recording.RequestStateProperty;
import io.github.promjaxrs.internal.recording.RequestRecorder;
import io.github.promjaxrs.internal.recording.RequestState;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.jboss.resteasy.core.interception.jaxrs.PreMatchContainerRequestContext;
import org.jboss.resteasy.spi.ResteasyAsynchronousContext;
import org.jboss.resteasy.spi.ResteasyAsynchronousResponse;

/**
 * Begins every request before matching (first of all request filters) and records it as the last
 * response filter, or later where only RESTEasy's completion callbacks or the end of its dispatch
 * tell how it ended (see {@link ResteasyRuntimeAdapter}, {@link ResteasyRequestState}).
 */
@PreMatching
final class ResteasyRecordingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final int PRIORITY = Integer.MIN_VALUE;

    private final RequestRecorder recorder;
    private final RequestStateProperty timings;
    private final ResteasyRuntimeAdapter adapter;

    ResteasyRecordingFilter(RequestRecorder recorder, RequestStateProperty timings, ResteasyRuntimeAdapter adapter) {
        this.recorder = recorder;
        this.timings = timings;
        this.adapter = adapter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        adapter.mountIfNeeded();
        ResteasyRequestState timing = recorder.started(new ResteasyRequestState(recorder, request), request);
        timings.attach(request, timing);
        if (adapter.unmappedExceptionsReachTheContainer()) {
            timing.recordAtDispatchEnd();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestState timing = timings.get(request);
        if (timing == null) {
            return;
        }
        int status = response.getStatus();
        boolean unmapped = request.getProperty(ResteasyRuntimeAdapter.UNMAPPED) != null;
        if (!unmapped && status == 500 && recordOnCompletion(timing, request, response, status)) {
            return;
        }
        recorder.finish(timing, request, response, status, unmapped, null);
    }

    /**
     * An asynchronous request that ends in a 500 may be RESTEasy's answer to an exception it was
     * resumed with, or that its {@code CompletionStage} failed with. RESTEasy hands that exception
     * to the completion callbacks once the response is written, so it is recorded there.
     */
    private boolean recordOnCompletion(RequestState timing, ContainerRequestContext request,
                                       ContainerResponseContext response, int status) {
        if (!(request instanceof PreMatchContainerRequestContext resteasy)) {
            return false;
        }
        ResteasyAsynchronousContext async = resteasy.getHttpRequest().getAsyncContext();
        ResteasyAsynchronousResponse asyncResponse = async.isSuspended() ? async.getAsyncResponse() : null;
        if (asyncResponse == null) {
            return false;
        }
        asyncResponse.register((CompletionCallback) error -> recorder.finish(timing, request, response, status,
                error != null && UnmappedExceptionObserver.isUnmapped(error), null));
        return true;
    }
}
