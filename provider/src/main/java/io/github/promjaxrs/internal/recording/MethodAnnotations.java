package io.github.promjaxrs.internal.recording;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * The annotation metrics of one resource method: in-progress gauges raised when the request
 * matches, then counters, timers and the gauges' return when it finishes, whatever the outcome.
 */
public final class MethodAnnotations {

    private final ResourceMethodInfo matched;
    private final MethodNames methodNames;
    private final boolean excludeUserDefaults;
    private final BoundMetric[] counters;
    private final BoundMetric[] timers;
    private final BoundMetric[] gauges;
    private final boolean gaugesStatic;

    public MethodAnnotations(ResourceMethodInfo matched, MethodNames methodNames, boolean excludeUserDefaults,
                      BoundMetric[] counters, BoundMetric[] timers, BoundMetric[] gauges) {
        this.matched = matched;
        this.methodNames = methodNames;
        this.excludeUserDefaults = excludeUserDefaults;
        this.counters = counters;
        this.timers = timers;
        this.gauges = gauges;
        boolean allStatic = true;
        for (BoundMetric gauge : gauges) {
            allStatic &= gauge.hasOnlyStaticLabels();
        }
        this.gaugesStatic = allStatic;
    }

    boolean hasGauges() {
        return gauges.length > 0;
    }

    void begin(RequestState timing, ContainerRequestContext request) {
        timing.annotations = this;
        if (gauges.length == 0) {
            return;
        }
        String method = gaugesStatic ? null : methodNames.normalise(request.getMethod());
        GaugeDataPoint[] raised = gaugesStatic ? null : new GaugeDataPoint[gauges.length];
        for (int i = 0; i < gauges.length; i++) {
            if (skips(gauges[i], timing)) {
                continue;
            }
            GaugeDataPoint point = (GaugeDataPoint) gauges[i].point(timing, request, null, method, 0, matched);
            point.inc();
            if (raised != null) {
                raised[i] = point;
            }
        }
        if (raised != null) {
            timing.extras().raisedGauges = raised;
        }
    }

    void finish(RequestState timing, String method, ContainerRequestContext request,
                ContainerResponseContext response, int status, long nanos) {
        try {
            for (BoundMetric counter : counters) {
                if (!skips(counter, timing)) {
                    ((CounterDataPoint) counter.point(timing, request, response, method, status, matched)).inc();
                }
            }
            double seconds = nanos / 1e9;
            for (BoundMetric timer : timers) {
                if (!skips(timer, timing)) {
                    ((DistributionDataPoint) timer.point(timing, request, response, method, status, matched))
                            .observe(seconds);
                }
            }
        } finally {
            lowerGauges(timing);
        }
    }

    /** Whatever happened to the request and to its other metrics, a raised gauge comes back down. */
    private void lowerGauges(RequestState timing) {
        for (int i = 0; i < gauges.length; i++) {
            if (skips(gauges[i], timing)) {
                continue;
            }
            GaugeDataPoint[] raised = timing.extras == null ? null : timing.extras.raisedGauges;
            GaugeDataPoint point = raised != null ? raised[i]
                    : (GaugeDataPoint) gauges[i].point(null, null, null, null, 0, null);
            point.dec();
        }
    }

    private boolean skips(BoundMetric metric, RequestState timing) {
        return metric.userDefault && excludeUserDefaults && timing.excluded;
    }
}
