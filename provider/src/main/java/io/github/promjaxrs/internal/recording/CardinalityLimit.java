package io.github.promjaxrs.internal.recording;

import io.prometheus.metrics.core.datapoints.DataPoint;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The label-value combinations of one metric, at most {@code limit} of them. Past the limit a new
 * combination is recorded into one overflow series whose non-static values are {@code OVERFLOW},
 * so totals stay exact, and the overflow is reported to {@link CardinalityOverflows}.
 *
 * <p>Only new combinations pay for the bookkeeping: callers cache the data points they get,
 * except overflow ones ({@link #isOverflow}), so every overflowed observation is counted.
 */
public final class CardinalityLimit<D extends DataPoint> {

    static final String OVERFLOW = "OVERFLOW";

    private final Function<String[], D> metric;
    private final String name;
    private final int limit;
    private final CardinalityOverflows overflows;
    private final Map<Key, D> series = new ConcurrentHashMap<>();
    private final Set<D> overflowPoints = ConcurrentHashMap.newKeySet();

    public CardinalityLimit(StatefulMetric<D, ?> metric, String name, int limit, CardinalityOverflows overflows) {
        this(metric::labelValues, name, limit, overflows);
    }

    /** @param metric the data point of label values: the same one for equal values, as client_java's metrics do */
    public CardinalityLimit(Function<String[], D> metric, String name, int limit, CardinalityOverflows overflows) {
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
        Key key = new Key(values);
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
                point = metric.apply(values);
                series.put(new Key(values.clone()), point);
                return point;
            }
        }
        overflows.record(name, limit);
        D overflow = metric.apply(overflowValues(values, staticLabel));
        overflowPoints.add(overflow);
        return overflow;
    }

    /** Whether {@code point} is an overflow series of this metric, which callers must not cache. */
    boolean isOverflow(D point) {
        return overflowPoints.contains(point);
    }

    /**
     * Label values as a map key. Unlike {@code Arrays.asList}, whose {@code hashCode} and
     * {@code equals} walk iterators, it compares the arrays directly: a lookup, done for every
     * request with dynamic labels, allocates the key alone.
     */
    private static final class Key {

        private final String[] values;
        private final int hash;

        Key(String[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && Arrays.equals(values, key.values);
        }
    }

    private static String[] overflowValues(String[] values, boolean[] staticLabel) {
        String[] overflow = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            overflow[i] = i < staticLabel.length && staticLabel[i] ? values[i] : OVERFLOW;
        }
        return overflow;
    }
}
