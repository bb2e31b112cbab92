package io.github.promjaxrs.internal;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code …_exporter_cardinality_overflow_total{metric}}: observations recorded into an overflow
 * series because their metric had reached its cardinality limit. The first per metric is logged.
 */
public final class CardinalityOverflows {

    private static final Logger LOG = Logger.getLogger(CardinalityOverflows.class.getName());

    private final PrometheusRegistry registry;
    private final Counter counter;
    private final Map<String, CounterDataPoint> byMetric = new ConcurrentHashMap<>();

    /** @param name the counter's name, e.g. {@code jaxrs_exporter_cardinality_overflow_total} */
    public CardinalityOverflows(PrometheusRegistry registry, String name) {
        this.registry = registry;
        this.counter = Counter.builder().name(name)
                .help("Observations recorded into an OVERFLOW series because their metric reached its cardinality limit")
                .labelNames("metric").register(registry);
    }

    /** Takes the counter back out of its registry, when the rest of the build failed. */
    public void unregister() {
        registry.unregister(counter);
    }

    void record(String metric, int limit) {
        CounterDataPoint point = byMetric.get(metric);
        if (point == null) {
            point = byMetric.computeIfAbsent(metric, m -> {
                LOG.warning("promjaxrs: metric " + m + " reached its cardinality limit of " + limit
                        + " label-value combinations; further new combinations are recorded with the value "
                        + CardinalityLimit.OVERFLOW + " (logged once per metric)");
                return counter.labelValues(m);
            });
        }
        point.inc();
    }
}
