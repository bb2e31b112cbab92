package io.github.promjaxrs;

import io.github.promjaxrs.internal.binding.AnnotationBinder;
import io.github.promjaxrs.internal.binding.ConfigProperties;
import io.github.promjaxrs.internal.binding.Instrumentation;
import io.github.promjaxrs.internal.binding.JvmMetricsRegistration;
import io.github.promjaxrs.internal.binding.LibraryVersion;
import io.github.promjaxrs.internal.binding.Naming;
import io.github.promjaxrs.internal.binding.RuntimeAdapter;
import io.github.promjaxrs.internal.endpoint.MetricsResource;
import io.github.promjaxrs.internal.endpoint.PortServer;
import io.github.promjaxrs.internal.recording.CardinalityOverflows;
import io.github.promjaxrs.internal.recording.PromjaxrsHttpMetrics;
import io.github.promjaxrs.internal.recording.ExcludedPaths;
import io.github.promjaxrs.internal.recording.OpenTelemetryHttpMetrics;
import io.github.promjaxrs.internal.recording.HttpMetrics;
import io.github.promjaxrs.internal.recording.RequestRecorder;
import io.github.promjaxrs.internal.recording.Settings;
import io.github.promjaxrs.internal.registry.MetricDefinition;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import io.github.promjaxrs.internal.runtime.Runtimes;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.tracer.initializer.SpanContextSupplier;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus metrics for a Jakarta REST application: register it like any {@link Feature}.
 *
 * <pre>{@code
 * PrometheusMetrics metrics = PrometheusMetrics.builder().build();
 * resourceConfig.register(metrics);
 * }</pre>
 *
 * <p>Registering installs the default request metrics, the annotation support and the metrics
 * endpoint. One instance may be registered in several applications: their requests land in
 * the same metrics, which are created once, by {@link Builder#build()}.
 */
public final class PrometheusMetrics implements Feature, AutoCloseable {

    /** A {@link Builder#defaultsPrefix(String) prefix} of nothing: default metrics are {@code http_…}. */
    public static final String NO_PREFIX = "";

    private final PrometheusRegistry registry;
    private final ContainerRequestFilter metricsEndpointFilter;
    private final SharedRegistrations.Owner owner;
    private final RequestRecorder recorder;
    private final Instrumentation instrumentation;
    /** The separate ports this instance started (the {@code metrics_port} property's among them), to stop on close. */
    private final List<MetricsServer> servers = new CopyOnWriteArrayList<>();
    /** The applications this instance is installed in and that have not stopped (where the runtime tells). */
    private final AtomicInteger applications = new AtomicInteger();
    /** Closed when its last application stops: an instance built from configuration alone, which no code can close. */
    private volatile boolean closeWhenUnused;
    private volatile boolean closed;

    private PrometheusMetrics(Builder b) {
        this.registry = b.registry;
        this.metricsEndpointFilter = b.metricsEndpointFilter;
        this.owner = SharedRegistrations.owner(registry);
        try {
            Settings settings = b.settings();
            CardinalityOverflows overflows;
            HttpMetrics defaultMetrics = null;
            try {
                overflows = new CardinalityOverflows(owner, settings.prefixed("exporter_cardinality_overflow_total"));
                if (b.exportDefaults) {
                    defaultMetrics = settings.conventions() == Conventions.OPENTELEMETRY
                            ? new OpenTelemetryHttpMetrics(settings, owner, overflows)
                            : new PromjaxrsHttpMetrics(settings, owner, overflows);
                    String info = settings.prefixed("exporter_info");
                    String help = "Information about the promjaxrs exporter";
                    owner.register(info, MetricDefinition.of("Gauge", info, help, "version"),
                            () -> Gauge.builder().name(info).help(help).labelNames("version").withoutExemplars()
                                    .build())
                            .labelValues(LibraryVersion.VERSION).set(1);
                }
            } catch (IllegalArgumentException e) {
                throw clash(b, e);
            }
            this.recorder = new RequestRecorder(defaultMetrics, ExcludedPaths.of(b.excludedPaths));
            AnnotationBinder annotations = new AnnotationBinder(settings, owner, overflows);
            String path = b.path == null ? null : Naming.normalisePath(b.path);
            this.instrumentation = new Instrumentation(recorder, annotations, path,
                    path == null ? null : new MetricsResource(registry), metricsEndpointFilter, this::applicationStopped);
            if (b.jvmMetrics == null ? registry == PrometheusRegistry.defaultRegistry : b.jvmMetrics) {
                JvmMetricsRegistration.register(registry);
            }
        } catch (RuntimeException | Error e) {
            owner.releaseAll();
            throw e;
        }
    }

    /** client_java does not always say which metric clashed ("Conflicting help strings. ..."). */
    private static IllegalArgumentException clash(Builder b, IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("promjaxrs:")) {
            return new IllegalArgumentException("defaultsPrefix '" + b.defaultsPrefix + "': " + e.getMessage(), e);
        }
        String prefix = b.defaultsPrefix.isEmpty() ? "" : b.defaultsPrefix + "_";
        String requestMetrics = b.conventions == Conventions.OPENTELEMETRY
                ? "http_server_request_duration_seconds, http_server_active_requests, "
                : prefix + "http_request_duration_seconds, " + prefix + "http_request_total, " + prefix
                        + "http_request_exceptions_total, ";
        return new IllegalArgumentException("defaultsPrefix '" + b.defaultsPrefix
                + "': cannot register the default metrics " + requestMetrics
                + prefix + "exporter_cardinality_overflow_total; usually the"
                + " registry already holds a metric of one of these names (use another prefix or registry,"
                + " or register one PrometheusMetrics in several applications). client_java said: "
                + e.getMessage(), e);
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Installs promjaxrs in the application being configured, with the hooks of the Jakarta REST
     * runtime that configures it (recognised from {@code context}, not from the class path).
     */
    @Override
    public boolean configure(FeatureContext context) {
        applications.incrementAndGet();
        Runtimes.recognise(context).install(context, instrumentation);
        return true;
    }

    /** Closes this instance once the last application it is installed in stops. */
    void closeWhenUnused() {
        this.closeWhenUnused = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Told by a runtime that reports it (Jersey) that an application this instance is installed in stopped. */
    private void applicationStopped() {
        if (applications.decrementAndGet() <= 0 && closeWhenUnused) {
            close();
        }
    }

    /** This instance as a feature that installs itself with {@code adapter}, whatever the runtime: for tests. */
    Feature installedWith(RuntimeAdapter adapter) {
        return context -> {
            adapter.install(context, instrumentation);
            return true;
        };
    }

    /**
     * Unregisters every metric this instance created (those another open instance shares stay
     * until it closes too) and stops what it started. Requests that arrive later are served
     * unrecorded. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        for (MetricsServer server : servers) {
            server.close();
        }
        servers.clear();
        recorder.close();
        owner.releaseAll();
    }

    /**
     * Registers an info-style gauge with one label per map entry, in the map's order, and
     * returns its only data point: call {@code set(1)} on it.
     */
    public GaugeDataPoint info(String name, String help, Map<String, String> labels) {
        Naming.requireMetricName(name, "info name");
        String[] names = labels.keySet().toArray(String[]::new);
        for (String label : names) {
            Naming.requireLabelName(label, "info label");
        }
        return owner.register(name, MetricDefinition.of("Gauge", name, help, names),
                        () -> Gauge.builder().name(name).help(help).labelNames(names).withoutExemplars().build())
                .labelValues(Arrays.stream(names).map(labels::get).toArray(String[]::new));
    }

    /**
     * Serves the registry on its own port, on all interfaces. Port 0 picks a free one; see
     * {@link MetricsServer#getPort()}. The {@link Builder#metricsEndpointFilter} guards it too.
     */
    public MetricsServer startHttpServer(int port) {
        return startHttpServer(null, port);
    }

    /**
     * Serves the registry on its own port, bound to {@code host} ({@code null}: all interfaces).
     * {@link #close()} stops it too.
     */
    public MetricsServer startHttpServer(String host, int port) {
        try {
            MetricsServer server = PortServer.start(registry, host, port, metricsEndpointFilter);
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the metrics server on port " + port, e);
        }
    }

    /**
     * Writes the registry in the format {@code acceptHeader} asks for, for a custom endpoint.
     * A {@code null} or empty header gives Prometheus text 0.0.4.
     */
    public GeneratedMetrics generateMetrics(String acceptHeader) {
        ExpositionFormats formats = ExpositionFormats.init();
        ExpositionFormatWriter writer = acceptHeader == null || acceptHeader.isBlank()
                ? formats.getPrometheusTextFormatWriter()
                : formats.findWriter(acceptHeader);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedMetrics(out.toByteArray(), writer.getContentType());
    }

    /**
     * Settings of a {@link PrometheusMetrics}; every one is optional. Invalid values fail
     * at {@link #build()} (or at the setter) with a message naming the setting. A
     * {@code promjaxrs.*} configuration property overrides the setting it names: see {@link #build()}.
     */
    public static final class Builder {
        private PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;
        private String path = "/metrics";
        private boolean exportDefaults = true;
        private String defaultsPrefix = "jaxrs";
        private double[] buckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
        private boolean bucketsSet;
        private boolean defaultLatencyAsHistogram = true;
        private GroupBy groupBy = GroupBy.TEMPLATE;
        private final List<String> excludedPaths = new ArrayList<>();
        private boolean excludeUserDefaults = true;
        private final Map<String, Object> defaultLabels = new LinkedHashMap<>();
        private boolean initialValueWhenOnlyStaticLabels = true;
        private final List<Class<? extends Annotation>> userDefaults = new ArrayList<>();
        private ContainerRequestFilter metricsEndpointFilter;
        private Boolean jvmMetrics;
        private boolean nativeHistograms;
        private int cardinalityLimit = 2000;
        private int maxLabelValueLength = 1024;
        private Conventions conventions = Conventions.PROMJAXRS;

        private Builder() {
        }

        /** What the metrics are built with, once the properties are applied and validated. */
        private Settings settings() {
            double[] requestBuckets = conventions == Conventions.OPENTELEMETRY && !bucketsSet
                    ? OpenTelemetryHttpMetrics.ADVISED_BUCKETS : buckets;
            // client_java samples exemplars of every data point on a timer thread, tracer or not: where
            // none is present as the metrics are built, they are built without, so no thread is started
            boolean exemplars = SpanContextSupplier.hasSpanContext();
            return new Settings(defaultsPrefix, conventions, requestBuckets, buckets, defaultLatencyAsHistogram,
                    nativeHistograms, groupBy, defaultLabels, cardinalityLimit, maxLabelValueLength,
                    initialValueWhenOnlyStaticLabels, excludeUserDefaults, userDefaults, exemplars);
        }

        /** The registry every metric goes to; default {@link PrometheusRegistry#defaultRegistry}. */
        public Builder registry(PrometheusRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Path of the metrics endpoint, relative to the application; {@code null}: no endpoint. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Whether to record the default request metrics; default true. */
        public Builder exportDefaults(boolean exportDefaults) {
            this.exportDefaults = exportDefaults;
            return this;
        }

        /** Prefix of the default metric names; default {@code jaxrs}, {@link #NO_PREFIX} for none. */
        public Builder defaultsPrefix(String prefix) {
            this.defaultsPrefix = Objects.requireNonNull(prefix, "defaultsPrefix");
            return this;
        }

        /**
         * Upper bounds, in seconds, of the default latency histogram's classic buckets; by default
         * 0.005 to 10 (11 buckets), or under {@link Conventions#OPENTELEMETRY} the 14 the semantic
         * conventions advise (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10).
         */
        public Builder buckets(double... buckets) {
            this.buckets = Objects.requireNonNull(buckets, "buckets").clone();
            this.bucketsSet = true;
            return this;
        }

        /** True (default): latency is a histogram; false: a summary with count and sum only. */
        public Builder defaultLatencyAsHistogram(boolean histogram) {
            this.defaultLatencyAsHistogram = histogram;
            return this;
        }

        /** The group label of the default latency metric; default {@link GroupBy#TEMPLATE}. */
        public Builder groupBy(GroupBy groupBy) {
            this.groupBy = Objects.requireNonNull(groupBy, "groupBy");
            return this;
        }

        /** Regular expressions matched at the start of the request path: matching requests are not recorded. */
        public Builder excludedPaths(String... regexes) {
            for (String regex : regexes) {
                excludedPaths.add(Objects.requireNonNull(regex, "excludedPaths"));
            }
            return this;
        }

        /** Whether {@link #excludedPaths} also skip {@link #registerDefault} metrics; default true. */
        public Builder excludeUserDefaults(boolean exclude) {
            this.excludeUserDefaults = exclude;
            return this;
        }

        /** A label with a fixed value on every default metric but the info gauge. */
        public Builder defaultLabel(String name, String value) {
            defaultLabels.put(name, Objects.requireNonNull(value, "defaultLabel value"));
            return this;
        }

        /** A label computed per request on every default metric but the info gauge. */
        public Builder defaultLabel(String name, LabelValue value) {
            defaultLabels.put(name, Objects.requireNonNull(value, "defaultLabel value"));
            return this;
        }

        /** Whether metrics with only static labels are exported at 0 before any request; default true. */
        public Builder initialValueWhenOnlyStaticLabels(boolean initialValue) {
            this.initialValueWhenOnlyStaticLabels = initialValue;
            return this;
        }

        /** An annotation type carrying metric annotations, applied to every resource method. */
        public Builder registerDefault(Class<? extends Annotation> composedAnnotation) {
            userDefaults.add(Objects.requireNonNull(composedAnnotation, "registerDefault"));
            return this;
        }

        /** A filter run on requests to the metrics endpoint only, e.g. to check credentials. */
        public Builder metricsEndpointFilter(ContainerRequestFilter filter) {
            this.metricsEndpointFilter = filter;
            return this;
        }

        /** Whether to register client_java's JVM metrics; default: when the registry is the default one. */
        public Builder jvmMetrics(boolean jvmMetrics) {
            this.jvmMetrics = jvmMetrics;
            return this;
        }

        /** True: the latency histogram is also a native histogram (seen in protobuf scrapes); default false. */
        public Builder nativeHistograms(boolean nativeHistograms) {
            this.nativeHistograms = nativeHistograms;
            return this;
        }

        /** At most this many label-value combinations per metric; default 2000. */
        public Builder cardinalityLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("cardinalityLimit: must be at least 1, got " + limit);
            }
            this.cardinalityLimit = limit;
            return this;
        }

        /**
         * Label values a request decides (the group label under {@link GroupBy#PATH} or a
         * {@link GroupBy#custom custom} grouping, {@link LabelValue}s, {@code @Label} path, path
         * parameter, query parameter, header and provider values) longer than this many characters
         * are cut to their first {@code length} characters (one fewer where the cut would split a
         * surrogate pair); default 1024. Static values, templates and endpoints are not cut.
         */
        public Builder maxLabelValueLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("maxLabelValueLength: must be at least 1, got " + length);
            }
            this.maxLabelValueLength = length;
            return this;
        }

        /**
         * The names and labels of the default request metrics: {@link Conventions#PROMJAXRS}
         * (default) or {@link Conventions#OPENTELEMETRY}'s {@code http_server_request_duration_seconds}
         * and {@code http_server_active_requests}. Everything else works the same under both.
         */
        public Builder conventions(Conventions conventions) {
            this.conventions = Objects.requireNonNull(conventions, "conventions");
            return this;
        }

        /**
         * Applies the {@code promjaxrs.*} configuration properties over these settings, validates
         * them and creates the metrics in the registry. A property is read from the system property
         * {@code promjaxrs.<key>}, else the environment variable {@code PROMJAXRS_<KEY>}, else a
         * {@code promjaxrs.<key>} line in client_java's {@code prometheus.properties} (the file named
         * by {@code PROMETHEUS_CONFIG} or {@code -Dprometheus.config}, else the one on the class
         * path). A list property ({@code excluded_paths}, {@code default_labels}) replaces what code
         * set, but for the default labels given a {@code LabelValue}, which only code can express.
         * {@code metrics_port} starts the separate port, which {@link PrometheusMetrics#close()} stops.
         *
         * @throws IllegalArgumentException naming the setting (and the property, if one set it)
         *                                  that is invalid, or a metric that the registry already holds
         */
        public PrometheusMetrics build() {
            return build(ConfigProperties.load(System.getenv()));
        }

        /** {@link #build()} with {@code properties} for this process's configuration properties. */
        PrometheusMetrics build(ConfigProperties properties) {
            properties.applyTo(new PropertySettings());
            boolean built = false;
            MetricsServer server = null;
            try {
                validate();
                // the port before the metrics: when it cannot start, nothing is registered yet
                server = properties.startServer(registry, metricsEndpointFilter);
                PrometheusMetrics metrics = new PrometheusMetrics(this);
                if (server != null) {
                    metrics.servers.add(server);
                }
                built = true;
                return metrics;
            } catch (IllegalArgumentException e) {
                throw properties.attribute(e);
            } finally {
                if (!built && server != null) {
                    server.close();
                }
            }
        }

        /** What configuration properties set, through the setters. */
        private final class PropertySettings implements ConfigProperties.Settings {
            @Override
            public void path(String path) {
                Builder.this.path(path);
            }

            @Override
            public void exportDefaults(boolean exportDefaults) {
                Builder.this.exportDefaults(exportDefaults);
            }

            @Override
            public void defaultsPrefix(String prefix) {
                Builder.this.defaultsPrefix(prefix);
            }

            @Override
            public void buckets(double[] buckets) {
                Builder.this.buckets(buckets);
            }

            @Override
            public void defaultLatencyAsHistogram(boolean histogram) {
                Builder.this.defaultLatencyAsHistogram(histogram);
            }

            @Override
            public void groupBy(GroupBy groupBy) {
                Builder.this.groupBy(groupBy);
            }

            @Override
            public void excludedPaths(List<String> regexes) {
                excludedPaths.clear();
                Builder.this.excludedPaths(regexes.toArray(String[]::new));
            }

            @Override
            public void excludeUserDefaults(boolean exclude) {
                Builder.this.excludeUserDefaults(exclude);
            }

            @Override
            public void staticDefaultLabels(Map<String, String> labels) {
                defaultLabels.values().removeIf(String.class::isInstance);
                labels.forEach(Builder.this::defaultLabel);
            }

            @Override
            public void initialValueWhenOnlyStaticLabels(boolean initialValue) {
                Builder.this.initialValueWhenOnlyStaticLabels(initialValue);
            }

            @Override
            public void jvmMetrics(boolean jvmMetrics) {
                Builder.this.jvmMetrics(jvmMetrics);
            }

            @Override
            public void nativeHistograms(boolean nativeHistograms) {
                Builder.this.nativeHistograms(nativeHistograms);
            }

            @Override
            public void cardinalityLimit(int limit) {
                Builder.this.cardinalityLimit(limit);
            }

            @Override
            public void maxLabelValueLength(int length) {
                Builder.this.maxLabelValueLength(length);
            }

            @Override
            public void conventions(Conventions conventions) {
                Builder.this.conventions(conventions);
            }
        }

        private void validate() {
            if (!defaultsPrefix.isEmpty()) {
                Naming.requireMetricName(defaultsPrefix, "defaultsPrefix");
            }
            Naming.requireBuckets(buckets, "buckets");
            if (path != null && (path.isBlank() || path.contains("{"))) {
                throw new IllegalArgumentException("path: must be a literal path such as /metrics, got '" + path + "'");
            }
            if (conventions == Conventions.OPENTELEMETRY) {
                if (groupBy.kind() != GroupBy.Kind.TEMPLATE) {
                    throw new IllegalArgumentException("groupBy: Conventions.OPENTELEMETRY labels requests with"
                            + " their route (http_route), so it takes GroupBy.TEMPLATE only, got " + groupBy);
                }
                if (!defaultLatencyAsHistogram) {
                    throw new IllegalArgumentException("defaultLatencyAsHistogram: Conventions.OPENTELEMETRY's"
                            + " http_server_request_duration_seconds is a histogram; false is not allowed with it");
                }
            }
            requireDistinctLabelNames();
        }

        /**
         * Every default metric's label names are distinct: client_java takes a clash at build time
         * and fails every scrape after the first request instead.
         */
        private void requireDistinctLabelNames() {
            if (groupBy.kind() == GroupBy.Kind.CUSTOM) {
                Naming.requireLabelName(groupBy.labelName(), "groupBy label");
                if (groupBy.labelName().equals("method") || groupBy.labelName().equals("status")) {
                    throw new IllegalArgumentException("groupBy: the label '" + groupBy.labelName() + "' of "
                            + groupBy + " is already a label of the default metrics (method, status)");
                }
            }
            List<String> ownLabels = conventions == Conventions.OPENTELEMETRY
                    ? List.of("http_request_method", "http_route", "http_response_status_code", "url_scheme",
                            "network_protocol_version", "error_type")
                    : List.of("method", "status", groupBy.labelName());
            for (String name : defaultLabels.keySet()) {
                Naming.requireLabelName(name, "defaultLabel");
                if (ownLabels.contains(name)) {
                    throw new IllegalArgumentException("defaultLabel: '" + name + "' is already a label of the"
                            + " default metrics (" + (conventions == Conventions.OPENTELEMETRY
                                    ? String.join(", ", ownLabels) + ")"
                                    : "method, status and " + groupBy.labelName() + ", the label of groupBy "
                                            + groupBy + ")"));
                }
            }
        }
    }
}
