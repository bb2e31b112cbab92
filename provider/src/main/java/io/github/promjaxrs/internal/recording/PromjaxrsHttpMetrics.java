package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.internal.registry.MetricDefinition;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.core.metrics.Summary;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.logging.Logger;

/**
 * The default request metrics of one {@code PrometheusMetrics}: latency, request and exception
 * counts by method, group and status. Created once; records requests from any thread.
 *
 * <p>With static labels only and a bounded grouping (template or endpoint) a request updates
 * data points cached in its {@link GroupSeries}; otherwise label values are computed per request.
 */
public final class PromjaxrsHttpMetrics implements HttpMetrics {

    private static final Logger LOG = Logger.getLogger(PromjaxrsHttpMetrics.class.getName());

    private final Grouping grouping;
    private final CardinalityLimit<DistributionDataPoint> duration;
    private final CardinalityLimit<CounterDataPoint> total;
    private final CardinalityLimit<CounterDataPoint> exceptions;
    private final boolean[] durationStatic;
    private final boolean[] countStatic;
    private final DefaultLabels labels;
    private final boolean cacheable;
    private final GroupSeries.Resolver resolver = (row, group, status) ->
            resolve(MethodNames.STANDARD[row], group.value, status);

    public PromjaxrsHttpMetrics(Settings settings, SharedRegistrations.Owner owner, CardinalityOverflows overflows) {
        this.grouping = new Grouping(settings.groupBy(), settings.maxLabelValueLength(), LOG);
        this.labels = new DefaultLabels(settings.defaultLabels(), settings.maxLabelValueLength(), LOG);
        this.cacheable = labels.allStatic() && grouping.valueIsTheGroup();

        String[] durationLabels = labels.labelNames("method", grouping.labelName(), "status");
        String[] countLabels = labels.labelNames("method", "status");
        String durationName = settings.prefixed("http_request_duration_seconds");
        String durationHelp = "Duration of HTTP requests in seconds";
        boolean exemplars = settings.exemplars();
        StatefulMetric<DistributionDataPoint, ?> durationMetric;
        if (settings.defaultLatencyAsHistogram()) {
            durationMetric = histogram(owner, durationName, durationHelp, settings.requestBuckets(),
                    settings.nativeHistograms(), exemplars, durationLabels);
        } else {
            durationMetric = owner.register(durationName,
                    MetricDefinition.of("Summary", durationName, durationHelp, durationLabels), () -> {
                        Summary.Builder builder = Summary.builder().name(durationName).help(durationHelp)
                                .labelNames(durationLabels);
                        if (!exemplars) {
                            builder.withoutExemplars();
                        }
                        return builder.build();
                    });
        }
        String totalName = settings.prefixed("http_request_total");
        String exceptionsName = settings.prefixed("http_request_exceptions_total");
        Counter totalMetric = counter(owner, totalName, "Total number of HTTP requests", countLabels, exemplars);
        Counter exceptionsMetric = counter(owner, exceptionsName,
                "Total number of HTTP requests that ended in an exception no ExceptionMapper handled", countLabels,
                exemplars);

        int limit = settings.cardinalityLimit();
        this.duration = new CardinalityLimit<>(durationMetric, durationName, limit, overflows);
        this.total = new CardinalityLimit<>(totalMetric, totalName, limit, overflows);
        this.exceptions = new CardinalityLimit<>(exceptionsMetric, exceptionsName, limit, overflows);
        this.durationStatic = labels.staticMask(3);
        this.countStatic = labels.staticMask(2);
    }

    /** A latency histogram of the default metrics, registered through {@code owner}. */
    static Histogram histogram(SharedRegistrations.Owner owner, String name, String help, double[] buckets,
                               boolean nativeHistograms, boolean exemplars, String[] labels) {
        return owner.register(name, MetricDefinition.histogram(name, help, buckets, nativeHistograms, labels), () -> {
            Histogram.Builder builder = Histogram.builder().name(name).help(help).labelNames(labels)
                    .classicUpperBounds(buckets);
            if (!nativeHistograms) {
                builder.classicOnly();
            }
            if (!exemplars) {
                builder.withoutExemplars();
            }
            return builder.build();
        });
    }

    private static Counter counter(SharedRegistrations.Owner owner, String name, String help, String[] labels,
                                   boolean exemplars) {
        return owner.register(name, MetricDefinition.of("Counter", name, help, labels), () -> {
            Counter.Builder builder = Counter.builder().name(name).help(help).labelNames(labels);
            if (!exemplars) {
                builder.withoutExemplars();
            }
            return builder.build();
        });
    }

    @Override
    public Grouping grouping() {
        return grouping;
    }

    /** The series of one combination; not cacheable when either metric is past its limit. */
    RequestSeries resolve(String method, String group, String status) {
        DistributionDataPoint durationPoint =
                duration.labelValues(labels.values(null, method, group, status), durationStatic);
        CounterDataPoint totalPoint = total.labelValues(labels.values(null, method, status), countStatic);
        return new RequestSeries(durationPoint, totalPoint,
                !duration.isOverflow(durationPoint) && !total.isOverflow(totalPoint));
    }

    /** Records a finished request. The dynamic default labels are computed once, for all three metrics. */
    @Override
    public void record(RequestState timing, String method, ContainerRequestContext request,
                ContainerResponseContext response, int status, long nanos, boolean unmappedException) {
        double seconds = nanos / 1e9;
        int methodIndex = MethodNames.index(method);
        String[] dynamicValues = labels.dynamicValues(timing, request, response);
        if (cacheable && GroupSeries.cacheable(methodIndex, status)) {
            RequestSeries series = grouping.group(timing).series(methodIndex, status, resolver);
            series.duration().observe(seconds);
            series.total().inc();
        } else {
            String statusText = Integer.toString(status);
            duration.labelValues(labels.values(dynamicValues, method, grouping.value(timing, request), statusText),
                    durationStatic).observe(seconds);
            total.labelValues(labels.values(dynamicValues, method, statusText), countStatic).inc();
        }
        if (unmappedException) {
            exceptions.labelValues(labels.values(dynamicValues, method, Integer.toString(status)), countStatic).inc();
        }
    }
}
