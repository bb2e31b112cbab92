package io.github.promjaxrs.internal.endpoint;

import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import java.util.Set;

/**
 * Checks a scrape's query string before client_java's scrape handler acts on it, so that both
 * endpoints answer a client's mistake with a 400 and a one-line reason: the handler answers an
 * unknown {@code ?debug=} with a 500, and its parameter limits (1,024 parameters, 64 KiB, valid
 * percent-encoding) throw from {@link PrometheusHttpRequest#getParameter}, which code outside
 * the handler calls too.
 */
final class ScrapeQuery {

    static final String UNKNOWN_DEBUG =
            "Unknown debug format; use debug=openmetrics, debug=text or debug=prometheus-protobuf\n";
    private static final Set<String> KNOWN_DEBUG = Set.of("openmetrics", "text", "prometheus-protobuf");

    private ScrapeQuery() {
    }

    /** Why the query string cannot be served, as one line ending in a newline; null when it can. */
    static String problem(PrometheusHttpRequest request) {
        String debug;
        try {
            debug = request.getParameter("debug");
            request.getParameterValues("name[]"); // decodes the values the handler will
        } catch (RuntimeException e) {
            // client_java's own messages ("Too many query parameters: 1025 (max 1024)"), never the client's text
            return "Invalid query string: " + firstLine(e.getMessage()) + "\n";
        }
        return debug == null || KNOWN_DEBUG.contains(debug) ? null : UNKNOWN_DEBUG;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
