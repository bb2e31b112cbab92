package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Begins and finishes every request of one {@code PrometheusMetrics}: the single place where a
 * request's end is turned into default and annotation metrics, exactly once, whether the
 * runtime reports it through the response filter or as an exception no mapper handled.
 */
public final class RequestRecorder {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DefaultMetrics defaults;
    private final ExcludedPaths excludedPaths;
    private final RuntimeAdapter runtime;
    private final MethodNames methodNames = new MethodNames();
    /** The request property of this recorder's timings: one of its own, should a request meet two recorders. */
    private final String timingProperty = RequestTiming.class.getName() + "#" + INSTANCES.incrementAndGet();

    /**
     * @param defaults      null when the default metrics are off
     * @param excludedPaths null when no path is excluded
     */
    public RequestRecorder(DefaultMetrics defaults, ExcludedPaths excludedPaths, RuntimeAdapter runtime) {
        this.defaults = defaults;
        this.excludedPaths = excludedPaths;
        this.runtime = runtime;
    }

    DefaultMetrics defaults() {
        return defaults;
    }

    RuntimeAdapter runtime() {
        return runtime;
    }

    MethodNames methodNames() {
        return methodNames;
    }

    String timingProperty() {
        return timingProperty;
    }

    void begin(ContainerRequestContext request) {
        runtime.start(request, this, isExcluded(request));
    }

    RequestTiming timing(ContainerRequestContext request) {
        return runtime.timing(request, this);
    }

    /**
     * Records the end of a request with the status its client gets; only the first call for a
     * request counts.
     *
     * @param response          null where the request ended without one
     * @param unmappedException whether an exception no {@code ExceptionMapper} handled ended it
     */
    public void finish(RequestTiming timing, ContainerRequestContext request, ContainerResponseContext response, int status,
                boolean unmappedException) {
        if (timing.finished) {
            return;
        }
        timing.finished = true;
        long nanos = System.nanoTime() - timing.startNanos;
        MethodMetrics matched = runtime.metricsAppliedAtEnd(request);
        if (matched != null) {
            matched.matched(timing, request);
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
        if (timing.fatal != null) {
            throw timing.fatal;
        }
    }

    /** Records a request that ended in an exception no mapper handled: the client gets a 500. */
    public void finishUnmapped(RequestTiming timing, ContainerRequestContext request) {
        finish(timing, request, null, 500, true);
    }

    private boolean isExcluded(ContainerRequestContext request) {
        if (excludedPaths == null) {
            return false;
        }
        return excludedPaths.matches(request.getUriInfo().getPath());
    }
}
