package io.github.promjaxrs.internal.registry;

import java.util.Arrays;
import java.util.List;

/**
 * What makes two registrations of one name the same metric, for {@link SharedRegistrations}:
 * equal definitions share one registered metric, different ones fail naming both.
 *
 * @param type    {@code Counter}, {@code Gauge}, {@code Histogram} or {@code Summary}
 * @param buckets classic upper bounds of a histogram, else empty
 */
public record MetricDefinition(String type, String name, String help, List<String> labelNames, List<Double> buckets,
                               boolean nativeHistogram) {

    public static MetricDefinition of(String type, String name, String help, String... labelNames) {
        return new MetricDefinition(type, name, help, List.of(labelNames), List.of(), false);
    }

    public static MetricDefinition histogram(String name, String help, double[] buckets, boolean nativeHistogram,
                                             String... labelNames) {
        return new MetricDefinition("Histogram", name, help, List.of(labelNames),
                Arrays.stream(buckets).boxed().toList(), nativeHistogram);
    }

    @Override
    public String toString() {
        return type + "(name=\"" + name + "\", help=\"" + help + "\", labels=" + labelNames
                + (buckets.isEmpty() ? "" : ", buckets=" + buckets) + (nativeHistogram ? ", native" : "") + ")";
    }
}
