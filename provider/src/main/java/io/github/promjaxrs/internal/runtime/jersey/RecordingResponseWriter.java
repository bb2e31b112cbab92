package io.github.promjaxrs.internal.runtime.jersey;

import io.github.promjaxrs.internal.recording.RequestState;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * A request's timing that is also its response writer: the request is recorded as Jersey writes
 * its status and headers (after every response filter, and after an exception from writing the
 * entity has been mapped, so it is the status the client gets); Jersey calls {@link #failure} for
 * an exception no {@code ExceptionMapper} handled, which is recorded here before the container
 * answers 500. Every call is passed on unchanged, so the client sees what it would without it.
 */
final class RecordingResponseWriter extends RequestState implements ContainerResponseWriter {

    private final JerseyRuntimeAdapter adapter;
    private final ContainerRequest request;
    private final ContainerResponseWriter delegate;

    RecordingResponseWriter(long startNanos, boolean excluded, JerseyRuntimeAdapter adapter, ContainerRequest request) {
        super(startNanos, excluded);
        this.adapter = adapter;
        this.request = request;
        this.delegate = request.getResponseWriter();
    }

    boolean belongsTo(JerseyRuntimeAdapter adapter) {
        return this.adapter == adapter;
    }

    ContainerResponseWriter delegate() {
        return delegate;
    }

    @Override
    public void failure(Throwable error) {
        try {
            adapter.finish(this, request, null, 500, true);
        } finally {
            delegate.failure(error);
        }
    }

    @Override
    public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse responseContext)
            throws ContainerException {
        adapter.finish(this, request, responseContext, responseContext.getStatus(), false);
        return delegate.writeResponseStatusAndHeaders(contentLength, responseContext);
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
        return delegate.suspend(timeOut, timeUnit, timeoutHandler);
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) throws IllegalStateException {
        delegate.setSuspendTimeout(timeOut, timeUnit);
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public boolean enableResponseBuffering() {
        return delegate.enableResponseBuffering();
    }
}
