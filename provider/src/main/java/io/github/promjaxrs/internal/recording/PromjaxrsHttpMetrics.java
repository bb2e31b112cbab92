package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.GroupBy;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
    static final String UNMATCHED = "UNMATCHED";

    /** The settings of {@code PrometheusMetrics.Builder} that the default metrics use. */
    public record Settings(SharedRegistrations.Owner owner, String prefix, double[] buckets, boolean histogram,
                           boolean nativeHistograms, GroupBy groupBy, Map<String, Object> defaultLabels,
                           int cardinalityLimit, CardinalityOverflows overflows, boolean exemplars,
                           int maxLabelValueLength) {
    }

    private final String prefix;
    private final GroupBy groupBy;
    private final CardinalityLimit<DistributionDataPoint> duration;
    private final CardinalityLimit<CounterDataPoint> total;
    private final CardinalityLimit<CounterDataPoint> exceptions;
    private final boolean[] durationStatic;
    private final boolean[] countStatic;
    private final DefaultLabels labels;
    private final boolean cacheable;
    private final int maxLabelValueLength;
    private final Map<String, GroupSeries> groups = new ConcurrentHashMap<>();
    private final GroupSeries unmatched = new GroupSeries(UNMATCHED, "");
    private final GroupSeries.Resolver resolver = (row, group, status) ->
            resolve(MethodNames.STANDARD[row], group.value, status);
    /** Per user function (the custom grouping, then each dynamic default label): its first failure is logged. */
    private final AtomicBoolean groupByFailureLogged = new AtomicBoolean();
    private final String groupByFailureMessage;

    public PromjaxrsHttpMetrics(Settings settings) {
        this.prefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "_";
        this.groupBy = settings.groupBy();

        this.labels = new DefaultLabels(settings.defaultLabels(), settings.maxLabelValueLength(), LOG);
        this.maxLabelValueLength = settings.maxLabelValueLength();
        this.groupByFailureMessage = "promjaxrs: groupBy " + groupBy + " failed; recording the value '"
                + UntrustedValues.ERROR + "' (logged once)";
        this.cacheable = labels.allStatic()
                && (groupBy.kind() == GroupBy.Kind.TEMPLATE || groupBy.kind() == GroupBy.Kind.ENDPOINT);

        String[] durationLabels = labels.labelNames("method", groupBy.labelName(), "status");
        String[] countLabels = labels.labelNames("method", "status");
        SharedRegistrations.Owner owner = settings.owner();
        String durationName = prefixed("http_request_duration_seconds");
        String durationHelp = "Duration of HTTP requests in seconds";
        StatefulMetric<DistributionDataPoint, ?> durationMetric;
        if (settings.histogram()) {
            durationMetric = histogram(owner, durationName, durationHelp, settings.buckets(),
                    settings.nativeHistograms(), settings.exemplars(), durationLabels);
        } else {
            durationMetric = owner.register(durationName,
                    MetricDefinition.of("Summary", durationName, durationHelp, durationLabels), () -> {
                        Summary.Builder builder = Summary.builder().name(durationName).help(durationHelp)
                                .labelNames(durationLabels);
                        if (!settings.exemplars()) {
                            builder.withoutExemplars();
                        }
                        return builder.build();
                    });
        }
        Counter totalMetric = counter(owner, prefixed("http_request_total"), "Total number of HTTP requests",
                countLabels, settings.exemplars());
        Counter exceptionsMetric = counter(owner, prefixed("http_request_exceptions_total"),
                "Total number of HTTP requests that ended in an exception no ExceptionMapper handled", countLabels,
                settings.exemplars());

        int limit = settings.cardinalityLimit();
        CardinalityOverflows overflows = settings.overflows();
        this.duration = new CardinalityLimit<>(durationMetric, durationName, limit, overflows);
        this.total = new CardinalityLimit<>(totalMetric, prefixed("http_request_total"), limit, overflows);
        this.exceptions = new CardinalityLimit<>(exceptionsMetric, prefixed("http_request_exceptions_total"), limit,
                overflows);
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

    /** {@code name} with the configured prefix: {@code jaxrs_name}, or {@code name} with no prefix. */
    public String prefixed(String name) {
        return prefix + name;
    }

    @Override
    public boolean groupsByRoute() {
        return groupBy.kind() != GroupBy.Kind.ENDPOINT;
    }

    @Override
    public GroupSeries routeGroup(String route) {
        return groups.computeIfAbsent(route, GroupSeries::ofRoute);
    }

    @Override
    public GroupSeries endpointGroup(String endpoint) {
        return groups.computeIfAbsent(endpoint, e -> new GroupSeries(e, e));
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
            GroupSeries group = timing.group != null ? timing.group : unmatched;
            RequestSeries series = group.series(methodIndex, status, resolver);
            series.duration().observe(seconds);
            series.total().inc();
        } else {
            String statusText = Integer.toString(status);
            duration.labelValues(labels.values(dynamicValues, method, groupValue(timing, request), statusText),
                    durationStatic).observe(seconds);
            total.labelValues(labels.values(dynamicValues, method, statusText), countStatic).inc();
        }
        if (unmappedException) {
            exceptions.labelValues(labels.values(dynamicValues, method, Integer.toString(status)), countStatic).inc();
        }
    }

    private String groupValue(RequestState timing, ContainerRequestContext request) {
        switch (groupBy.kind()) {
            case PATH:
                String path = request.getUriInfo().getPath();
                return UntrustedValues.cut(path.startsWith("/") ? path : "/" + path, maxLabelValueLength);
            case CUSTOM:
                try {
                    String value = groupBy.function().apply(request);
                    return value == null ? "" : UntrustedValues.cut(value, maxLabelValueLength);
                } catch (Throwable e) {
                    return UntrustedValues.failed(e, timing, groupByFailureLogged, LOG, groupByFailureMessage);
                }
            default:
                return timing.group != null ? timing.group.value : UNMATCHED;
        }
    }
}
