package io.github.promjaxrs.internal;

import io.github.promjaxrs.GroupBy;
import io.github.promjaxrs.LabelValue;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.StatefulMetric;
import io.prometheus.metrics.core.metrics.Summary;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The default request metrics of one {@code PrometheusMetrics}: latency, request and exception
 * counts by method, group and status. Created once; records requests from any thread.
 *
 * <p>With static labels only and a bounded grouping (template or endpoint) a request updates
 * data points cached in its {@link GroupSeries}; otherwise label values are computed per request.
 */
public final class DefaultMetrics implements RequestMetrics {

    private static final Logger LOG = Logger.getLogger(DefaultMetrics.class.getName());
    static final String UNMATCHED = "UNMATCHED";
    static final String ERROR = "ERROR";

    /** The settings of {@code PrometheusMetrics.Builder} that the default metrics use. */
    public record Settings(SharedRegistrations.Owner owner, String prefix, double[] buckets, boolean histogram,
                           boolean nativeHistograms, GroupBy groupBy, Map<String, Object> defaultLabels,
                           int cardinalityLimit, CardinalityOverflows overflows, boolean exemplars) {
    }

    private final String prefix;
    private final GroupBy groupBy;
    private final CardinalityLimit<DistributionDataPoint> duration;
    private final CardinalityLimit<CounterDataPoint> total;
    private final CardinalityLimit<CounterDataPoint> exceptions;
    private final boolean[] durationStatic;
    private final boolean[] countStatic;
    private final String[] staticLabelValues;
    private final LabelValue[] dynamicLabels;
    private final boolean cacheable;
    private final Map<String, GroupSeries> groups = new ConcurrentHashMap<>();
    private final GroupSeries unmatched = new GroupSeries(UNMATCHED, "");
    private final GroupSeries.Resolver resolver = (row, group, status) ->
            resolve(MethodNames.STANDARD[row], group.value, status);
    private final AtomicBoolean labelFailureLogged = new AtomicBoolean();

    public DefaultMetrics(Settings settings) {
        this.prefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "_";
        this.groupBy = settings.groupBy();

        List<String> staticNames = new ArrayList<>();
        List<String> staticValues = new ArrayList<>();
        List<String> dynamicNames = new ArrayList<>();
        List<LabelValue> dynamicValues = new ArrayList<>();
        settings.defaultLabels().forEach((name, value) -> {
            if (value instanceof LabelValue labelValue) {
                dynamicNames.add(name);
                dynamicValues.add(labelValue);
            } else {
                staticNames.add(name);
                staticValues.add((String) value);
            }
        });
        this.staticLabelValues = staticValues.toArray(String[]::new);
        this.dynamicLabels = dynamicValues.toArray(LabelValue[]::new);
        this.cacheable = dynamicLabels.length == 0
                && (groupBy.kind() == GroupBy.Kind.TEMPLATE || groupBy.kind() == GroupBy.Kind.ENDPOINT);

        List<String> extra = new ArrayList<>(staticNames);
        extra.addAll(dynamicNames);
        String[] durationLabels = labelNames(List.of("method", groupBy.labelName(), "status"), extra);
        String[] countLabels = labelNames(List.of("method", "status"), extra);
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
        this.durationStatic = staticMask(3, staticNames.size());
        this.countStatic = staticMask(2, staticNames.size());
    }

    /** Request-derived labels first, then the static default labels, then the dynamic ones. */
    private static boolean[] staticMask(int requestLabels, int staticLabels) {
        boolean[] mask = new boolean[requestLabels + staticLabels];
        for (int i = requestLabels; i < mask.length; i++) {
            mask[i] = true;
        }
        return mask;
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
                duration.labelValues(labelValues(null, method, group, status), durationStatic);
        CounterDataPoint totalPoint = total.labelValues(labelValues(null, method, status), countStatic);
        return new RequestSeries(durationPoint, totalPoint,
                !duration.isOverflow(durationPoint) && !total.isOverflow(totalPoint));
    }

    @Override
    public void record(RequestTiming timing, String method, ContainerRequestContext request,
                ContainerResponseContext response, int status, long nanos, boolean unmappedException) {
        double seconds = nanos / 1e9;
        int methodIndex = MethodNames.index(method);
        if (cacheable && GroupSeries.cacheable(methodIndex, status)) {
            GroupSeries group = timing.group != null ? timing.group : unmatched;
            RequestSeries series = group.series(methodIndex, status, resolver);
            series.duration().observe(seconds);
            series.total().inc();
        } else {
            String statusText = Integer.toString(status);
            String[] dynamicValues = dynamicLabelValues(request, response);
            duration.labelValues(labelValues(dynamicValues, method, groupValue(timing, request), statusText),
                    durationStatic).observe(seconds);
            total.labelValues(labelValues(dynamicValues, method, statusText), countStatic).inc();
        }
        if (unmappedException) {
            exceptions.labelValues(labelValues(dynamicLabelValues(request, response), method,
                    Integer.toString(status)), countStatic).inc();
        }
    }

    private String groupValue(RequestTiming timing, ContainerRequestContext request) {
        switch (groupBy.kind()) {
            case PATH:
                String path = request.getUriInfo().getPath();
                return path.startsWith("/") ? path : "/" + path;
            case CUSTOM:
                try {
                    String value = groupBy.function().apply(request);
                    return value == null ? "" : value;
                } catch (RuntimeException e) {
                    logFirstLabelFailure("groupBy " + groupBy.labelName(), e);
                    return ERROR;
                }
            default:
                return timing.group != null ? timing.group.value : UNMATCHED;
        }
    }

    private String[] dynamicLabelValues(ContainerRequestContext request, ContainerResponseContext response) {
        if (dynamicLabels.length == 0) {
            return null;
        }
        String[] values = new String[dynamicLabels.length];
        for (int i = 0; i < values.length; i++) {
            try {
                String value = dynamicLabels[i].value(request, response);
                values[i] = value == null ? "" : value;
            } catch (RuntimeException e) {
                logFirstLabelFailure("defaultLabel", e);
                values[i] = ERROR;
            }
        }
        return values;
    }

    /** The request-derived values, then the static default labels, then the dynamic ones (null: none). */
    private String[] labelValues(String[] dynamicValues, String... requestValues) {
        int dynamicCount = dynamicValues == null ? 0 : dynamicValues.length;
        String[] values = new String[requestValues.length + staticLabelValues.length + dynamicCount];
        System.arraycopy(requestValues, 0, values, 0, requestValues.length);
        System.arraycopy(staticLabelValues, 0, values, requestValues.length, staticLabelValues.length);
        if (dynamicCount > 0) {
            System.arraycopy(dynamicValues, 0, values, requestValues.length + staticLabelValues.length, dynamicCount);
        }
        return values;
    }

    private void logFirstLabelFailure(String what, RuntimeException e) {
        if (labelFailureLogged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "promjaxrs: " + what + " failed; recording the value '" + ERROR
                    + "' (logged once)", e);
        }
    }

    private static String[] labelNames(List<String> first, List<String> extra) {
        List<String> names = new ArrayList<>(first);
        names.addAll(extra);
        return names.toArray(String[]::new);
    }
}
