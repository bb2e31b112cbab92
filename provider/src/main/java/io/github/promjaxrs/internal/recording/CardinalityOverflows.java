package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.internal.registry.MetricDefinition;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * {@code …_exporter_cardinality_overflow_total{metric}}: observations recorded into an overflow
 * series because their metric had reached its cardinality limit. The first per metric is logged.
 */
public final class CardinalityOverflows {

    private static final Logger LOG = Logger.getLogger(CardinalityOverflows.class.getName());

    private final Counter counter;
    private final Map<String, CounterDataPoint> byMetric = new ConcurrentHashMap<>();

    /** @param name the counter's name, e.g. {@code jaxrs_exporter_cardinality_overflow_total} */
    public CardinalityOverflows(SharedRegistrations.Owner owner, String name) {
        String help = "Observations recorded into an OVERFLOW series because their metric reached its cardinality limit";
        this.counter = owner.register(name, MetricDefinition.of("Counter", name, help, "metric"),
                () -> Counter.builder().name(name).help(help).labelNames("metric").withoutExemplars().build());
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
