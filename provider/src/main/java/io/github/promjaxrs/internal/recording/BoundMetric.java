package io.github.promjaxrs.internal.recording;

import io.prometheus.metrics.core.datapoints.DataPoint;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One annotation metric bound to one resource method: the client_java metric and the sources of
 * its label values. With static labels only, its data point is resolved once and reused.
 */
public final class BoundMetric {

    private static final Logger LOG = Logger.getLogger(BoundMetric.class.getName());

    /** From {@code registerDefault}: skipped on excluded paths when {@code excludeUserDefaults}. */
    final boolean userDefault;
    private final CardinalityLimit<?> metric;
    private final LabelSource[] labels;
    private final boolean[] staticLabel;
    private final boolean allStatic;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final String[] failureMessages;
    private volatile DataPoint staticPoint;
    /** The combination of label values resolved last, which the next request's values are compared with. */
    private volatile LastCombination last;

    /** @param description the metric and the method it is bound to, for messages */
    public BoundMetric(String description, CardinalityLimit<?> metric, LabelSource[] labels, boolean userDefault,
                boolean exportInitialValue) {
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
        this.failureMessages = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            failureMessages[i] = "promjaxrs: label \"" + labels[i].name + "\" of " + description
                    + " failed; recording the value '" + UntrustedValues.ERROR + "' (logged once per metric)";
        }
        if (allStatic && (labels.length == 0 || exportInitialValue)) {
            staticPoint = metric.labelValues(staticValues(), staticLabel);
        }
    }

    boolean hasOnlyStaticLabels() {
        return allStatic;
    }

    /**
     * The data point of this request's label values. A label that fails, however, is {@code ERROR}
     * (see {@link UntrustedValues#failed}); null is {@code ""}. With static labels only, the arguments
     * are not used (and may be null).
     */
    DataPoint point(RequestState timing, ContainerRequestContext request, ContainerResponseContext response,
                    String method, int status, ResourceMethodInfo matched) {
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
            String value = value(i, timing, request, response, method, status, matched);
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
    private String value(int i, RequestState timing, ContainerRequestContext request,
                         ContainerResponseContext response, String method, int status, ResourceMethodInfo matched) {
        try {
            String value = labels[i].value(request, response, method, status, matched);
            return value == null ? "" : value;
        } catch (Throwable e) {
            return UntrustedValues.failed(e, timing, failureLogged, LOG, failureMessages[i]);
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
