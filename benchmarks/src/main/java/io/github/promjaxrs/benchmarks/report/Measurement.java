package io.github.promjaxrs.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * The measurements of several JMH runs as one per benchmark and parameters: forks in the order
     * of the runs (so fork {@code i} of every benchmark comes from run {@code i}), bytes averaged.
     */
    static List<Measurement> merge(List<Measurement> runs) {
        Map<List<Object>, List<Measurement>> byBenchmark = new LinkedHashMap<>();
        for (Measurement m : runs) {
            byBenchmark.computeIfAbsent(List.of(m.benchmark, m.params), k -> new ArrayList<>()).add(m);
        }
        List<Measurement> merged = new ArrayList<>();
        for (List<Measurement> same : byBenchmark.values()) {
            List<Double> forks = new ArrayList<>();
            same.forEach(m -> forks.addAll(m.forkMeans));
            double bytes = same.stream().mapToDouble(Measurement::bytesPerOp).filter(b -> !Double.isNaN(b)).average()
                    .orElse(Double.NaN);
            Measurement first = same.get(0);
            merged.add(new Measurement(first.benchmark, first.params, first.unit, forks, bytes));
        }
        return merged;
    }

    double min() {
        return forkMeans.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double median() {
        return Bootstrap.median(forkMeans.stream().mapToDouble(Double::doubleValue).toArray());
    }

    String param(String name) {
        return params.get(name);
    }
}
