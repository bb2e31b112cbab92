package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Timed;
import io.github.promjaxrs.internal.recording.CardinalityLimit;
import io.github.promjaxrs.internal.recording.CardinalityOverflows;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.core.metrics.Summary;
import java.lang.annotation.Annotation;
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
    record Definition(String type, String name, String help, List<String> labelNames, List<Double> buckets,
                      List<Double> quantiles) {

        static Definition of(Annotation metric, List<String> labelNames, double[] defaultBuckets) {
            if (metric instanceof Counted counted) {
                return new Definition("@Counted", counted.name(), counted.help(), labelNames, List.of(), List.of());
            }
            if (metric instanceof InProgress inProgress) {
                return new Definition("@InProgress", inProgress.name(), inProgress.help(), labelNames, List.of(),
                        List.of());
            }
            Timed timed = (Timed) metric;
            if (timed.kind() == Timed.Kind.SUMMARY) {
                return new Definition("@Timed(kind=SUMMARY)", timed.name(), timed.help(), labelNames, List.of(),
                        boxed(timed.quantiles()));
            }
            double[] buckets = timed.buckets().length > 0 ? timed.buckets() : defaultBuckets;
            return new Definition("@Timed", timed.name(), timed.help(), labelNames, boxed(buckets), List.of());
        }

        @Override
        public String toString() {
            return type + "(name=\"" + name + "\", help=\"" + help + "\", labels=" + labelNames
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
    private final boolean nativeHistograms;
    private final int cardinalityLimit;
    private final CardinalityOverflows overflows;
    private final boolean exemplars;
    private final Map<String, Registered> byName = new ConcurrentHashMap<>();

    /** @param exemplars whether counters and timers sample trace exemplars: a tracer is present */
    AnnotationMetricRegistrations(SharedRegistrations.Owner owner, boolean nativeHistograms, int cardinalityLimit,
                CardinalityOverflows overflows, boolean exemplars) {
        this.owner = owner;
        this.nativeHistograms = nativeHistograms;
        this.cardinalityLimit = cardinalityLimit;
        this.overflows = overflows;
        this.exemplars = exemplars;
    }

    /**
     * The metric of {@code definition}, registered on first use.
     *
     * @param declaredOn the resource method declaring it, for messages
     * @throws IllegalArgumentException when the name is already declared differently
     */
    synchronized CardinalityLimit<?> metric(Definition definition, String declaredOn) {
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

    /**
     * A help text for a metric declared without one, naming the method that declared it first, so
     * that every scrape has one (promtool warns of a metric with none). It is not part of the
     * definition: the same metric on other methods is still the same metric.
     */
    static String defaultHelp(String type, String declaredOn) {
        if (type.equals("@Counted")) {
            return "Invocations of " + declaredOn;
        }
        if (type.equals("@InProgress")) {
            return "Invocations of " + declaredOn + " in progress";
        }
        return "Duration of " + declaredOn + " in seconds";
    }

    private StatefulMetric<? extends DataPoint, ?> create(Definition d, String declaredOn) {
        String[] labels = d.labelNames().toArray(String[]::new);
        String help = d.help().isEmpty() ? defaultHelp(d.type(), declaredOn) : d.help();
        switch (d.type()) {
            case "@Counted":
                Counter.Builder counter = Counter.builder().name(d.name()).help(help).labelNames(labels);
                if (!exemplars) {
                    counter.withoutExemplars();
                }
                return counter.build();
            case "@InProgress":
                // a gauge never samples exemplars: without this client_java starts its sampler thread
                return Gauge.builder().name(d.name()).help(help).labelNames(labels).withoutExemplars().build();
            case "@Timed(kind=SUMMARY)":
                Summary.Builder summary = Summary.builder().name(d.name()).help(help).labelNames(labels);
                if (!exemplars) {
                    summary.withoutExemplars();
                }
                d.quantiles().forEach(summary::quantile);
                return summary.build();
            default:
                Histogram.Builder histogram = Histogram.builder().name(d.name()).help(help).labelNames(labels)
                        .classicUpperBounds(d.buckets().stream().mapToDouble(Double::doubleValue).toArray());
                if (!nativeHistograms) {
                    histogram.classicOnly();
                }
                if (!exemplars) {
                    histogram.withoutExemplars();
                }
                return histogram.build();
        }
    }
}
