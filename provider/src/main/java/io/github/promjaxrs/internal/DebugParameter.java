package io.github.promjaxrs.internal;

import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import java.util.Set;

/**
 * The {@code ?debug=} formats client_java's scrape handler knows. It answers an unknown one with
 * a 500, a server error for a client's typo; both endpoints answer 400 instead, before scraping.
 */
final class DebugParameter {

    static final String MESSAGE = "Unknown debug format; use debug=openmetrics, debug=text or debug=prometheus-protobuf\n";
    private static final Set<String> KNOWN = Set.of("openmetrics", "text", "prometheus-protobuf");

    private DebugParameter() {
    }

    static boolean isUnknown(PrometheusHttpRequest request) {
        String debug = request.getParameter("debug");
        return debug != null && !KNOWN.contains(debug);
    }
}
