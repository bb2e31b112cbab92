package io.github.promjaxrs.internal;

import io.prometheus.metrics.core.datapoints.DataPoint;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One annotation metric bound to one resource method: the client_java metric and the sources of
 * its label values. With static labels only, its data point is resolved once and reused.
 */
final class BoundMetric {

    private static final Logger LOG = Logger.getLogger(BoundMetric.class.getName());

    final String description;
    /** From {@code registerDefault}: skipped on excluded paths when {@code excludeUserDefaults}. */
    final boolean userDefault;
    private final CardinalityLimit<?> metric;
    private final LabelSource[] labels;
    private final boolean[] staticLabel;
    private final boolean allStatic;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile DataPoint staticPoint;
    /** The combination of label values resolved last, which the next request's values are compared with. */
    private volatile LastCombination last;

    BoundMetric(String description, CardinalityLimit<?> metric, LabelSource[] labels, boolean userDefault,
                boolean exportInitialValue) {
        this.description = description;
        this.metric = metric;
        this.labels = labels;
        this.userDefault = userDefault;
        this.staticLabel = new boolean[labels.length];
        boolean onlyStatic = true;
        for (int i = 0; i < labels.length; i++) {
            staticLabel[i] = labels[i].isStatic();
            onlyStatic &= staticLabel[i];
        }
        this.allStatic = onlyStatic;
        if (allStatic && (labels.length == 0 || exportInitialValue)) {
            staticPoint = metric.labelValues(staticValues(), staticLabel);
        }
    }

    boolean hasOnlyStaticLabels() {
        return allStatic;
    }

    /**
     * The data point of this request's label values. A label that fails is {@code ERROR}; null is {@code ""}.
     * With static labels only, the arguments are not used (and may be null).
     */
    DataPoint point(ContainerRequestContext request, ContainerResponseContext response, String method, int status,
                    MatchedMethod matched) {
        if (allStatic) {
            DataPoint point = staticPoint;
            if (point == null) {
                point = metric.labelValues(staticValues(), staticLabel);
                if (!isOverflow(point)) {
                    staticPoint = point;
                }
            }
            return point;
        }
        LastCombination last = this.last;
        String[] values = null;
        for (int i = 0; i < labels.length; i++) {
            String value = value(i, request, response, method, status, matched);
            if (values == null) {
                if (last != null && value.equals(last.values[i])) {
                    continue;
                }
                values = new String[labels.length];
                if (i > 0) {
                    System.arraycopy(last.values, 0, values, 0, i);
                }
            }
            values[i] = value;
        }
        if (values == null) {
            return last.point;
        }
        DataPoint point = metric.labelValues(values, staticLabel);
        if (!isOverflow(point)) {
            this.last = new LastCombination(values, point);
        }
        return point;
    }

    /** Label {@code i}'s value for this request: {@code ERROR} if it fails, {@code ""} for null. */
    private String value(int i, ContainerRequestContext request, ContainerResponseContext response, String method,
                         int status, MatchedMethod matched) {
        try {
            String value = labels[i].value(request, response, method, status, matched);
            return value == null ? "" : value;
        } catch (RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "promjaxrs: label \"" + labels[i].name + "\" of " + description
                        + " failed; recording the value 'ERROR' (logged once per metric)", e);
            }
            return DefaultMetrics.ERROR;
        }
    }

    @SuppressWarnings("unchecked")
    private boolean isOverflow(DataPoint point) {
        return ((CardinalityLimit<DataPoint>) metric).isOverflow(point);
    }

    private String[] staticValues() {
        String[] values = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i].staticValue();
        }
        return values;
    }

    /**
     * Requests to one method mostly repeat one combination of label values (one kind of client,
     * one status), so comparing with the last one spares most of them the lookup in
     * {@link CardinalityLimit} and the arrays it needs. Never an overflow point: each of those is counted.
     */
    private record LastCombination(String[] values, DataPoint point) {
    }
}
