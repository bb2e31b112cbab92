package io.github.promjaxrs.benchmarks;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** What a promjaxrs registry has recorded, so a benchmark can check that every request was. */
final class Counts {

    private Counts() {
    }

    /** The count of a histogram over all its series. */
    static long histogramCount(PrometheusRegistry registry, String name) {
        long sum = 0;
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof HistogramSnapshot histogram && histogram.getMetadata().getName().equals(name)) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
                    sum += point.getCount();
                }
            }
        }
        return sum;
    }

    /** The sum of a counter over all its series; client_java names counters without {@code _total}. */
    static long counter(PrometheusRegistry registry, String name) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        long sum = 0;
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof CounterSnapshot counter && counter.getMetadata().getName().equals(base)) {
                for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
                    sum += (long) point.getValue();
                }
            }
        }
        return sum;
    }
}
