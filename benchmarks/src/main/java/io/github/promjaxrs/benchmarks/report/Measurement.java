package io.github.promjaxrs.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One benchmark at one set of parameters, from JMH's JSON: its time per operation in each fork
 * (each fork's mean over its iterations) and the bytes it allocated per operation.
 *
 * @param bytesPerOp {@code gc.alloc.rate.norm}, NaN when run without {@code -prof gc}
 */
record Measurement(String benchmark, Map<String, String> params, String unit, List<Double> forkMeans,
                   double bytesPerOp) {

    @SuppressWarnings("unchecked")
    static List<Measurement> fromJmh(Object json) {
        List<Measurement> measurements = new ArrayList<>();
        for (Object entry : (List<Object>) json) {
            Map<String, Object> run = (Map<String, Object>) entry;
            String name = (String) run.get("benchmark");
            String[] parts = name.split("\\.");
            Map<String, String> params = run.containsKey("params") ? (Map<String, String>) run.get("params") : Map.of();
            Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
            List<Double> forkMeans = new ArrayList<>();
            for (Object fork : (List<Object>) primary.get("rawData")) {
                forkMeans.add(((List<Double>) fork).stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
            Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
            Map<String, Object> alloc = (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
            measurements.add(new Measurement(parts[parts.length - 2] + "." + parts[parts.length - 1], params,
                    (String) primary.get("scoreUnit"), forkMeans,
                    alloc == null ? Double.NaN : (Double) alloc.get("score")));
        }
        return measurements;
    }

    double min() {
        return forkMeans.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double median() {
        double[] sorted = forkMeans.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    String param(String name) {
        return params.get(name);
    }
}
