package io.github.promjaxrs;

/**
 * One exposition of the registry, as {@link PrometheusMetrics#generateMetrics(String)} wrote it.
 *
 * @param body        the encoded metrics
 * @param contentType the {@code Content-Type} to serve the body with
 */
public record GeneratedMetrics(byte[] body, String contentType) {
}
