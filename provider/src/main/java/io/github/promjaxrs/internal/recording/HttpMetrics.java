package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * The default request metrics under one {@code Conventions}: {@link PromjaxrsHttpMetrics} (promjaxrs'
 * own names) or {@link OpenTelemetryHttpMetrics}. Created once; records requests from any thread.
 */
public interface HttpMetrics {

    /** How requests are grouped: the series group of each resource method and request. */
    Grouping grouping();

    /** A request has begun (and is not excluded): for metrics of requests in flight. */
    default void begin(RequestState timing, ContainerRequestContext request) {
    }

    /**
     * Records a finished request.
     *
     * @param method            the normalised request method
     * @param response          null where the request ended without one (an unmapped exception)
     * @param unmappedException whether an exception escaped every {@code ExceptionMapper}
     */
    void record(RequestState timing, String method, ContainerRequestContext request,
                ContainerResponseContext response, int status, long nanos, boolean unmappedException);
}
