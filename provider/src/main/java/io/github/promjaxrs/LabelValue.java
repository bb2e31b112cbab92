package io.github.promjaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Computes one label value per request.
 *
 * <p>Implementations must be thread-safe and cheap: they run on the request path. A value that
 * throws ({@code Error}s included) is recorded as {@code ERROR}, a {@code null} as {@code ""};
 * neither changes the response (a JVM failure such as an {@code OutOfMemoryError} is rethrown
 * once the request is recorded). A value longer than {@code maxLabelValueLength} is cut to it.
 */
@FunctionalInterface
public interface LabelValue {

    /**
     * @param request  the request being recorded
     * @param response the response, or {@code null} where the metric is taken before it exists
     * @return the label value
     */
    String value(ContainerRequestContext request, ContainerResponseContext response);
}
