package io.github.promjaxrs.internal.recording;

import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A gauge of requests in flight, an OpenTelemetry UpDownCounter. Not client_java's {@code Gauge}:
 * its {@code inc} and {@code dec} allocate a lambda each, twice per request; a {@link LongAdder}
 * per series allocates nothing. Registered once per registry and shared, as client_java's own.
 */
final class ActiveRequests implements Collector {

    /** One series: the requests in flight with its label values. */
    static final class Series implements DataPoint {
        private final Labels labels;
        private final LongAdder count = new LongAdder();

        private Series(Labels labels) {
            this.labels = labels;
        }

        void inc() {
            count.increment();
        }

        void dec() {
            count.decrement();
        }
    }

    private final MetricMetadata metadata;
    private final String[] labelNames;
    private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

    ActiveRequests(String name, String help, String[] labelNames) {
        this.metadata = new MetricMetadata(name, help);
        this.labelNames = labelNames.clone();
    }

    /** The series of {@code values}: the same one for equal values. */
    Series labelValues(String[] values) {
        return series.computeIfAbsent(List.of(values), v -> new Series(Labels.of(labelNames, values.clone())));
    }

    @Override
    public MetricSnapshot collect() {
        List<GaugeSnapshot.GaugeDataPointSnapshot> points = new ArrayList<>(series.size());
        for (Series s : series.values()) {
            points.add(new GaugeSnapshot.GaugeDataPointSnapshot(s.count.sum(), s.labels, null));
        }
        return new GaugeSnapshot(metadata, points);
    }

    @Override
    public String getPrometheusName() {
        return metadata.getPrometheusName();
    }

    @Override
    public MetricType getMetricType() {
        return MetricType.GAUGE;
    }

    @Override
    public Set<String> getLabelNames() {
        return Set.of(labelNames);
    }
}
