package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * The default request metrics under one {@code Conventions}: {@link PromjaxrsHttpMetrics} (promjaxrs'
 * own names) or {@link OpenTelemetryHttpMetrics}. Created once; records requests from any thread.
 */
public interface HttpMetrics {

    /** Whether a method's group is its route (template); false: its endpoint. */
    boolean groupsByRoute();

    /** The shared series group of a route ({@link ResourceTemplate#route}). */
    GroupSeries routeGroup(String route);

    /** The shared series group of an endpoint ({@code SimpleClassName.method}). */
    GroupSeries endpointGroup(String endpoint);

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
