package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request's timing kept as a request property, the way any Jakarta REST runtime can. Each
 * instance has a property of its own, so a request that meets two {@code PrometheusMetrics} (or
 * one registered twice) keeps two timings.
 */
public final class RequestStateProperty {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String property = RequestState.class.getName() + "#" + INSTANCES.incrementAndGet();

    /** Attaches {@code timing} to {@code request}. */
    public void attach(ContainerRequestContext request, RequestState timing) {
        request.setProperty(property, timing);
    }

    /** The timing attached to {@code request}, or null. */
    public RequestState get(ContainerRequestContext request) {
        return request.getProperty(property) instanceof RequestState timing ? timing : null;
    }
}
