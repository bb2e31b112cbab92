package io.github.promjaxrs.internal.runtime.resteasy;

import io.github.promjaxrs.internal.recording.RequestRecorder;
import io.github.promjaxrs.internal.recording.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Enumeration;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.core.interception.jaxrs.PreMatchContainerRequestContext;
import org.jboss.resteasy.plugins.server.Cleanable;
import org.jboss.resteasy.plugins.server.Cleanables;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.HttpResponse;

/**
 * A request's timing on RESTEasy, which can also record the request when RESTEasy's dispatch ends
 * without a response filter having seen it: RESTEasy threw it to the container, as it does with an
 * exception no mapper handled when its default exception mapper is off, or with an exception an
 * application's mapper failed on.
 *
 * <p>It takes part in the dispatch's end ({@link Cleanable}) only where that can happen: from the
 * start where the default exception mapper is off, else once a resource method has thrown
 * ({@link UnmappedExceptionObserver}). Registering every request would cost it about 150 bytes
 * (RESTEasy's set of cleanables is empty until then).
 */
final class ResteasyRequestState extends RequestState implements Cleanable {

    // the only field: one more would make every request's timing 8 bytes larger
    private final RequestRecorder recorder;

    ResteasyRequestState(RequestRecorder recorder, ContainerRequestContext request) {
        super(System.nanoTime(), recorder.isExcluded(request));
        this.recorder = recorder;
    }

    /** Has each promjaxrs timing of the current request recorded at the end of RESTEasy's dispatch, unless recorded before. */
    static void recordAllAtDispatchEnd(HttpRequest request) {
        for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements(); ) {
            if (request.getAttribute(names.nextElement()) instanceof ResteasyRequestState timing) {
                timing.recordAtDispatchEnd();
            }
        }
    }

    /** Has this request recorded at the end of RESTEasy's dispatch on this thread, unless recorded before. */
    void recordAtDispatchEnd() {
        Cleanables cleanables = ResteasyContext.getContextData(Cleanables.class);
        if (cleanables != null && !isFinished()) {
            cleanables.addCleanable(this);
        }
    }

    @Override
    public void clean() {
        // RESTEasy is done with the request on this thread (it runs cleanables before it clears the
        // request's context); a request no response filter saw and that is not suspended was either
        // written past the filters, or thrown to the container: a 500
        HttpRequest httpRequest = ResteasyContext.getContextData(HttpRequest.class);
        if (isFinished() || httpRequest == null || httpRequest.getAsyncContext().isSuspended()) {
            return;
        }
        HttpResponse response = ResteasyContext.getContextData(HttpResponse.class);
        ContainerRequestContext request = new PreMatchContainerRequestContext(httpRequest);
        if (response != null && response.isCommitted()) {
            recorder.finish(this, request, null, response.getStatus(), false, null);
        } else {
            // an application mapper that throws is not counted, as on Jersey, which answers it with a 500
            recorder.finish(this, request, null, 500, request.getProperty(ResteasyRuntimeAdapter.MAPPED) == null, null);
        }
    }
}
