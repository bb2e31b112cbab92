package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.internal.recording.CardinalityLimit;
import io.github.promjaxrs.internal.recording.CardinalityOverflows;
import io.github.promjaxrs.internal.recording.Settings;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.core.metrics.Summary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The annotation metrics of one {@code PrometheusMetrics}, by name: the same name on several
 * methods is one metric; declared twice differently, it is a start-up error naming both methods.
 */
final class AnnotationMetricRegistrations {

    /** What makes two declarations of one name the same metric. */
    record Definition(MetricKind kind, String name, String help, List<String> labelNames, List<Double> buckets,
                      List<Double> quantiles) {

        /** @param timedBuckets the buckets of a histogram that gives none */
        static Definition of(DeclaredMetric metric, List<String> labelNames, double[] timedBuckets) {
            List<Double> buckets = List.of();
            if (metric.kind() == MetricKind.HISTOGRAM) {
                buckets = boxed(metric.buckets().length > 0 ? metric.buckets() : timedBuckets);
            }
            return new Definition(metric.kind(), metric.name(), metric.help(), labelNames, buckets,
                    boxed(metric.quantiles()));
        }

        @Override
        public String toString() {
            return kind.declaration() + "(name=\"" + name + "\", help=\"" + help + "\", labels=" + labelNames
                    + (buckets.isEmpty() ? "" : ", buckets=" + buckets)
                    + (quantiles.isEmpty() ? "" : ", quantiles=" + quantiles) + ")";
        }

        private static List<Double> boxed(double[] values) {
            return Arrays.stream(values).boxed().toList();
        }
    }

    private record Registered(Definition definition, CardinalityLimit<?> metric, String declaredOn) {
    }

    private final SharedRegistrations.Owner owner;
    private final CardinalityOverflows overflows;
    private final int cardinalityLimit;
    private final boolean nativeHistograms;
    /** Whether counters and timers sample trace exemplars: a tracer is present. */
    private final boolean exemplars;
    private final double[] timedBuckets;
    private final Map<String, Registered> byName = new ConcurrentHashMap<>();

    AnnotationMetricRegistrations(Settings settings, SharedRegistrations.Owner owner, CardinalityOverflows overflows) {
        this.owner = owner;
        this.overflows = overflows;
        this.cardinalityLimit = settings.cardinalityLimit();
        this.nativeHistograms = settings.nativeHistograms();
        this.exemplars = settings.exemplars();
        this.timedBuckets = settings.timedBuckets();
    }

    /**
     * The metric {@code declared} with {@code labelNames}, registered on first use.
     *
     * @param declaredOn the resource method declaring it, for messages
     * @throws IllegalArgumentException when the name is already declared differently
     */
    synchronized CardinalityLimit<?> metric(DeclaredMetric declared, List<String> labelNames, String declaredOn) {
        Definition definition = Definition.of(declared, labelNames, timedBuckets);
        Registered existing = byName.get(definition.name());
        if (existing != null) {
            if (!existing.definition().equals(definition)) {
                throw new IllegalArgumentException("promjaxrs: metric \"" + definition.name()
                        + "\" is declared differently on " + existing.declaredOn() + " as " + existing.definition()
                        + " and on " + declaredOn + " as " + definition);
            }
            return existing.metric();
        }
        CardinalityLimit<?> metric;
        try {
            metric = new CardinalityLimit<>(owner.register(definition.name(), definition, () -> create(definition, declaredOn)),
                    definition.name(), cardinalityLimit, overflows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("promjaxrs: " + definition + " on " + declaredOn
                    + " cannot be registered: " + e.getMessage(), e);
        }
        byName.put(definition.name(), new Registered(definition, metric, declaredOn));
        return metric;
    }

    private StatefulMetric<? extends DataPoint, ?> create(Definition d, String declaredOn) {
        String[] labels = d.labelNames().toArray(String[]::new);
        // the default help is no part of the definition: the same metric on other methods is still the same metric
        String help = d.help().isEmpty() ? d.kind().defaultHelp(declaredOn) : d.help();
        return switch (d.kind()) {
            case COUNTER -> {
                Counter.Builder counter = Counter.builder().name(d.name()).help(help).labelNames(labels);
                if (!exemplars) {
                    counter.withoutExemplars();
                }
                yield counter.build();
            }
            // a gauge never samples exemplars: without this client_java starts its sampler thread
            case GAUGE -> Gauge.builder().name(d.name()).help(help).labelNames(labels).withoutExemplars().build();
            case SUMMARY -> {
                Summary.Builder summary = Summary.builder().name(d.name()).help(help).labelNames(labels);
                if (!exemplars) {
                    summary.withoutExemplars();
                }
                d.quantiles().forEach(summary::quantile);
                yield summary.build();
            }
            case HISTOGRAM -> {
                Histogram.Builder histogram = Histogram.builder().name(d.name()).help(help).labelNames(labels)
                        .classicUpperBounds(d.buckets().stream().mapToDouble(Double::doubleValue).toArray());
                if (!nativeHistograms) {
                    histogram.classicOnly();
                }
                if (!exemplars) {
                    histogram.withoutExemplars();
                }
                yield histogram.build();
            }
        };
    }
}
