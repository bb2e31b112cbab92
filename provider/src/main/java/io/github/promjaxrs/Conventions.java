package io.github.promjaxrs;

/**
 * The names the default request metrics follow; see {@link PrometheusMetrics.Builder#conventions}.
 */
public enum Conventions {

    /**
     * promjaxrs' own (the default): {@code jaxrs_http_request_duration_seconds},
     * {@code jaxrs_http_request_total} and {@code jaxrs_http_request_exceptions_total}, labelled
     * {@code method}, the group label and {@code status}.
     */
    PROMJAXRS,

    /**
     * The HTTP server metrics of the OpenTelemetry semantic conventions, as the OpenTelemetry Java
     * agent's Prometheus exporter shows them: {@code http_server_request_duration_seconds}
     * (labelled {@code http_request_method}, {@code http_route}, {@code http_response_status_code},
     * {@code url_scheme}, {@code network_protocol_version}, {@code error_type}; the conventions'
     * advised buckets unless {@link PrometheusMetrics.Builder#buckets} is set) and
     * {@code http_server_active_requests} ({@code http_request_method}, {@code url_scheme}).
     */
    OPENTELEMETRY
}
