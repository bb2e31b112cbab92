package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.PrometheusMetrics;
import java.util.Map;

/**
 * The example's promjaxrs set-up, in one place: every request metric labelled
 * {@code service="orders"}, health probes left out, requests counted by kind of client on every
 * endpoint ({@link CountedByClient}), at most {@value #CARDINALITY_LIMIT} series per metric,
 * {@code /metrics} guarded when a token is configured, and an info gauge carrying the
 * application's version. The metric annotations are on the resources themselves.
 */
final class OrdersMetrics {

    /**
     * Lower than the default 2000: the {@code filter} and {@code channel} labels take what clients
     * send, and past this many series a metric records into one {@code OVERFLOW} series instead.
     */
    static final int CARDINALITY_LIMIT = 500;

    private OrdersMetrics() {
    }

    /** The example's metrics, or promjaxrs' defaults alone ({@code METRICS=defaults}; the endpoint still guarded). */
    static PrometheusMetrics create(Settings settings) {
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(settings.registry());
        settings.metricsToken().ifPresent(token -> builder.metricsEndpointFilter(new BearerTokenFilter(token)));
        if (settings.metrics() == Settings.Metrics.DEFAULTS) {
            return builder.build();
        }
        builder.defaultLabel("service", "orders")
                .excludedPaths("^/health")
                .registerDefault(CountedByClient.class)
                .cardinalityLimit(CARDINALITY_LIMIT);
        PrometheusMetrics metrics = builder.build();
        metrics.info("orders_app_info", "Version of the orders example", Map.of("version", version())).set(1);
        return metrics;
    }

    /** The version the fat jar's manifest carries; {@code dev} when run from classes (tests, IDE). */
    static String version() {
        String version = OrdersMetrics.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
