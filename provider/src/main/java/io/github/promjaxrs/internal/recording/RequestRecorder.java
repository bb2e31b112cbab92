package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Finishes every request of one {@code PrometheusMetrics}: the single place where a request's end
 * is turned into default and annotation metrics, exactly once, whichever of the runtime's hooks
 * reports it. The runtime adapters call it; it knows nothing of them.
 */
public final class RequestRecorder {

    private final HttpMetrics defaults;
    private final ExcludedPaths excludedPaths;
    private final MethodNames methodNames = new MethodNames();
    private volatile boolean closed;

    /**
     * @param defaults      the default metrics ({@link PromjaxrsHttpMetrics} or {@link OpenTelemetryHttpMetrics}),
     *                      null when they are off
     * @param excludedPaths null when no path is excluded
     */
    public RequestRecorder(HttpMetrics defaults, ExcludedPaths excludedPaths) {
        this.defaults = defaults;
        this.excludedPaths = excludedPaths;
    }

    public HttpMetrics defaults() {
        return defaults;
    }

    public MethodNames methodNames() {
        return methodNames;
    }

    /** A new request's timing, started now; its path decides whether it is excluded. */
    public RequestState begin(ContainerRequestContext request) {
        return started(new RequestState(System.nanoTime(), isExcluded(request)), request);
    }

    /** Counts a request that has just begun, with a timing made by a runtime adapter; returns {@code timing}. */
    public <T extends RequestState> T started(T timing, ContainerRequestContext request) {
        if (defaults != null && !timing.excluded && !closed) {
            defaults.begin(timing, request);
        }
        return timing;
    }

    /** Whether {@code request}'s path matches {@code excludedPaths}. */
    public boolean isExcluded(ContainerRequestContext request) {
        return excludedPaths != null && excludedPaths.matches(request.getUriInfo().getPath());
    }

    /**
     * Records the end of a request with the status its client gets; only the first call for a
     * request counts, and none after {@link #close}.
     *
     * @param response          null where the request ended without one
     * @param unmappedException whether an exception no {@code ExceptionMapper} handled ended it
     * @param matchedAtEnd      the metrics of the resource method the request matched, where the
     *                          runtime tells it only now; null otherwise
     */
    public void finish(RequestState timing, ContainerRequestContext request, ContainerResponseContext response,
                       int status, boolean unmappedException, MethodRecording matchedAtEnd) {
        if (timing.finished) {
            return;
        }
        timing.finished = true;
        timing.lowerActive();
        long nanos = System.nanoTime() - timing.startNanos;
        if (closed) {
            return;
        }
        if (matchedAtEnd != null) {
            matchedAtEnd.matched(timing, request);
        }
        String method = methodNames.normalise(request.getMethod());
        try {
            if (defaults != null && !timing.excluded && !timing.untracked) {
                defaults.record(timing, method, request, response, status, nanos, unmappedException);
            }
        } finally {
            if (timing.annotations != null) {
                timing.annotations.finish(timing, method, request, response, status, nanos);
            }
        }
        if (timing.fatal() != null) {
            throw timing.fatal();
        }
    }

    /** Records a request that ended in an exception no mapper handled: the client gets a 500. */
    public void finishUnmapped(RequestState timing, ContainerRequestContext request, MethodRecording matchedAtEnd) {
        finish(timing, request, null, 500, true, matchedAtEnd);
    }

    /** Stops recording: later requests are served unrecorded. */
    public void close() {
        closed = true;
    }
}
