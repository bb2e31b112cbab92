package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.internal.registry.MetricDefinition;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The default request metrics under {@code Conventions.OPENTELEMETRY}: the HTTP server metrics of
 * the OpenTelemetry semantic conventions with the names, labels and values that the OpenTelemetry
 * Java agent's Prometheus exporter shows for the same requests (e2e/otel-agent.sh compares them).
 *
 * <p>A label the agent leaves out of a series (no {@code http_route} where nothing matched, no
 * {@code error_type} below 500) is exported with the value {@code ""}, which Prometheus stores as
 * no label at all: client_java gives every series of a metric the same label names.
 */
public final class OpenTelemetryHttpMetrics implements HttpMetrics {

    private static final Logger LOG = Logger.getLogger(OpenTelemetryHttpMetrics.class.getName());
    static final String DURATION = "http_server_request_duration_seconds";
    static final String ACTIVE = "http_server_active_requests";
    /** The boundaries the semantic conventions advise for {@code http.server.request.duration}. */
    public static final double[] ADVISED_BUCKETS =
            {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};
    /** The labels of the duration histogram, in the order {@link #durationValues} gives them. */
    static final String[] DURATION_LABELS = {"http_request_method", "http_route", "http_response_status_code",
        "url_scheme", "network_protocol_version", "error_type"};
    static final String[] ACTIVE_LABELS = {"http_request_method", "url_scheme"};
    /**
     * Jakarta REST does not tell the HTTP version of a request, and the runtimes it runs on serve
     * HTTP/1.1 unless configured otherwise: the value the agent reports for them.
     */
    static final String PROTOCOL_VERSION = "1.1";
    private static final String[] SCHEMES = {"http", "https"};
    private static final int OTHER = MethodNames.STANDARD_COUNT - 1;

    private final DefaultLabels labels;
    private final CardinalityLimit<DistributionDataPoint> duration;
    private final CardinalityLimit<ActiveRequests.Series> active;
    private final boolean[] durationStatic;
    private final boolean[] activeStatic;
    private final ActiveRequests.Series[] activeByRow = new ActiveRequests.Series[GroupSeries.ROWS];
    private final Grouping grouping;
    private final GroupSeries.Resolver resolver = this::resolve;

    public OpenTelemetryHttpMetrics(Settings settings, SharedRegistrations.Owner owner, CardinalityOverflows overflows) {
        this.grouping = new Grouping(settings.groupBy(), settings.maxLabelValueLength(), LOG);
        this.labels = new DefaultLabels(settings.defaultLabels(), settings.maxLabelValueLength(), LOG);
        String[] durationLabels = labels.labelNames(DURATION_LABELS);
        String durationHelp = "Duration of HTTP server requests.";
        Histogram histogram = PromjaxrsHttpMetrics.histogram(owner, DURATION, durationHelp, settings.requestBuckets(),
                settings.nativeHistograms(), settings.exemplars(), durationLabels);
        String[] activeLabels = labels.labelNames(ACTIVE_LABELS);
        String activeHelp = "Number of active HTTP server requests.";
        ActiveRequests gauge = owner.register(ACTIVE, MetricDefinition.of("Gauge", ACTIVE, activeHelp, activeLabels),
                () -> new ActiveRequests(ACTIVE, activeHelp, activeLabels));
        this.duration = new CardinalityLimit<>(histogram, DURATION, settings.cardinalityLimit(), overflows);
        this.active = new CardinalityLimit<>(gauge::labelValues, ACTIVE, settings.cardinalityLimit(), overflows);
        this.durationStatic = labels.staticMask(DURATION_LABELS.length);
        this.activeStatic = labels.staticMask(ACTIVE_LABELS.length);
    }

    /** Requests are grouped by route: {@code PrometheusMetrics} allows {@code GroupBy.TEMPLATE} only. */
    @Override
    public Grouping grouping() {
        return grouping;
    }

    @Override
    public void begin(RequestState timing, ContainerRequestContext request) {
        int methodIndex = methodIndex(request.getMethod());
        String scheme = scheme(request);
        int row = row(methodIndex, scheme);
        ActiveRequests.Series point;
        if (row >= 0 && labels.allStatic()) {
            point = activeByRow[row];
            if (point == null) {
                point = active.labelValues(labels.values(null, MethodNames.STANDARD[methodIndex], scheme),
                        activeStatic);
                if (!active.isOverflow(point)) {
                    activeByRow[row] = point; // races are benign: client_java returns the same data point
                }
            }
        } else {
            point = active.labelValues(labels.values(labels.dynamicValues(timing, request, null),
                    MethodNames.STANDARD[methodIndex], scheme), activeStatic);
        }
        point.inc();
        timing.extras().active = point;
    }

    @Override
    public void record(RequestState timing, String method, ContainerRequestContext request,
                       ContainerResponseContext response, int status, long nanos, boolean unmappedException) {
        double seconds = nanos / 1e9;
        int methodIndex = methodIndex(method);
        String scheme = scheme(request);
        int row = row(methodIndex, scheme);
        GroupSeries group = grouping.group(timing);
        if (row >= 0 && labels.allStatic() && GroupSeries.cacheable(row, status)) {
            group.series(row, status, resolver).duration().observe(seconds);
        } else {
            duration.labelValues(labels.values(labels.dynamicValues(timing, request, response),
                    durationValues(MethodNames.STANDARD[methodIndex], group.route, Integer.toString(status), scheme)),
                    durationStatic).observe(seconds);
        }
    }

    private RequestSeries resolve(int row, GroupSeries group, String status) {
        DistributionDataPoint point = duration.labelValues(labels.values(null, durationValues(
                MethodNames.STANDARD[row % MethodNames.STANDARD_COUNT], group.route, status,
                SCHEMES[row / MethodNames.STANDARD_COUNT])), durationStatic);
        return new RequestSeries(point, null, !duration.isOverflow(point));
    }

    private static String[] durationValues(String method, String route, String status, String scheme) {
        // the agent sets error.type to the status code of a server error, and leaves it out otherwise
        String errorType = status.length() == 3 && status.charAt(0) == '5' ? status : "";
        return new String[] {method, route, status, scheme, PROTOCOL_VERSION, errorType};
    }

    /** The semantic conventions' known methods are the standard ones; anything else is {@code _OTHER}. */
    private static int methodIndex(String method) {
        int index = MethodNames.index(method);
        return index < 0 ? OTHER : index;
    }

    private static String scheme(ContainerRequestContext request) {
        String scheme = request.getUriInfo().getRequestUri().getScheme();
        if ("http".equals(scheme) || scheme == null) {
            return "http";
        }
        return "https".equals(scheme) ? "https" : scheme.toLowerCase(Locale.ROOT);
    }

    /** The cache row of a method and scheme, or -1 for a scheme other than http and https. */
    private static int row(int methodIndex, String scheme) {
        int schemeIndex = scheme.equals("http") ? 0 : scheme.equals("https") ? 1 : -1;
        return schemeIndex < 0 ? -1 : schemeIndex * MethodNames.STANDARD_COUNT + methodIndex;
    }
}
