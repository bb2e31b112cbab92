package io.github.promjaxrs.internal;

import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label-value combinations of one metric, at most {@code limit} of them. Past the limit a new
 * combination is recorded into one overflow series whose non-static values are {@code OVERFLOW},
 * so totals stay exact, and the overflow is reported to {@link CardinalityOverflows}.
 *
 * <p>Only new combinations pay for the bookkeeping: callers cache the data points they get,
 * except overflow ones ({@link #isOverflow}), so every overflowed observation is counted.
 */
final class CardinalityLimit<D extends DataPoint> {

    static final String OVERFLOW = "OVERFLOW";

    private final StatefulMetric<D, ?> metric;
    private final String name;
    private final int limit;
    private final CardinalityOverflows overflows;
    private final Map<List<String>, D> series = new ConcurrentHashMap<>();
    private final Set<D> overflowPoints = ConcurrentHashMap.newKeySet();

    CardinalityLimit(StatefulMetric<D, ?> metric, String name, int limit, CardinalityOverflows overflows) {
        this.metric = metric;
        this.name = name;
        this.limit = limit;
        this.overflows = overflows;
    }

    /**
     * The data point of {@code values}, or of the overflow series once {@code limit} combinations exist.
     *
     * @param staticLabel the labels whose value is fixed where they are declared: kept in the overflow series
     */
    D labelValues(String[] values, boolean[] staticLabel) {
        List<String> key = Arrays.asList(values);
        D point = series.get(key);
        if (point != null) {
            return point;
        }
        synchronized (this) {
            point = series.get(key);
            if (point != null) {
                return point;
            }
            if (series.size() < limit) {
                point = metric.labelValues(values);
                series.put(List.copyOf(key), point);
                return point;
            }
        }
        overflows.record(name, limit);
        D overflow = metric.labelValues(overflowValues(values, staticLabel));
        overflowPoints.add(overflow);
        return overflow;
    }

    /** Whether {@code point} is an overflow series of this metric, which callers must not cache. */
    boolean isOverflow(D point) {
        return overflowPoints.contains(point);
    }

    private static String[] overflowValues(String[] values, boolean[] staticLabel) {
        String[] overflow = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            overflow[i] = i < staticLabel.length && staticLabel[i] ? values[i] : OVERFLOW;
        }
        return overflow;
    }
}
