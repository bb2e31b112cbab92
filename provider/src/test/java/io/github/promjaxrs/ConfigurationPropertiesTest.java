package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.Http;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.MiscResource;
import io.github.promjaxrs.fixture.SystemProperties;
import io.github.promjaxrs.fixture.TestApp;
import io.github.promjaxrs.internal.binding.ConfigProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code promjaxrs.*} configuration properties: where they are read from, in which order,
 * what each key does to the builder's settings and how an invalid one is reported. The
 * environment is passed in; system properties are restored after each test.
 */
class ConfigurationPropertiesTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    private final SystemProperties system = new SystemProperties();

    @TempDir
    Path dir;

    @AfterEach
    void restoreSystemProperties() {
        system.close();
    }

    /** Builds with {@code code} as the code's settings and {@code environment} as the process's, on a fresh registry. */
    private static PrometheusRegistry build(Map<String, String> environment, Consumer<PrometheusMetrics.Builder> code) {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(registry);
        code.accept(builder);
        builder.build(ConfigProperties.load(environment));
        return registry;
    }

    /** The prefix of the default metrics built with the code's prefix {@code from_code}. */
    private static String prefixBuilt(Map<String, String> environment) {
        String exposition = TestApp.exposition(build(environment, b -> b.defaultsPrefix("from_code")));
        return exposition.substring(exposition.indexOf("# TYPE ") + 7, exposition.indexOf("_exporter_info gauge"));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static TestApp start(Map<String, String> environment, Consumer<PrometheusMetrics.Builder> code,
                                 Object... components) {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(registry);
        code.accept(builder);
        return TestApp.startWith(registry, builder.build(ConfigProperties.load(environment)), components);
    }

    private static TestApp start(Map<String, String> environment, Object... components) {
        return start(environment, b -> { }, components);
    }

    // --- where properties come from, and which wins

    @Test
    void aSystemPropertyOverridesTheEnvironment() throws IOException {
        system.set("promjaxrs.defaults_prefix", "from_system")
                .set("prometheus.config", file("prometheus.properties", "promjaxrs.defaults_prefix=from_file\n").toString());

        assertThat(prefixBuilt(Map.of("PROMJAXRS_DEFAULTS_PREFIX", "from_env"))).isEqualTo("from_system");
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        system.set("prometheus.config", file("prometheus.properties", "promjaxrs.defaults_prefix=from_file\n").toString());

        assertThat(prefixBuilt(Map.of("PROMJAXRS_DEFAULTS_PREFIX", "from_env"))).isEqualTo("from_env");
    }

    @Test
    void theFileOverridesTheCode() throws IOException {
        system.set("prometheus.config", file("prometheus.properties", "promjaxrs.defaults_prefix=from_file\n").toString());

        assertThat(prefixBuilt(Map.of())).isEqualTo("from_file");
    }

    @Test
    void withNoPropertyTheCodeHoldsSway() {
        assertThat(prefixBuilt(Map.of())).isEqualTo("from_code");
    }

    /** {@link #prefixBuilt} with a {@code prometheus.properties} of {@code content} on the context class path. */
    private String prefixBuiltWithClassPathFile(String content) throws IOException {
        Path classPath = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classPath.resolve("prometheus.properties"), content);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classPath.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            return prefixBuilt(Map.of());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theFileOnTheContextClassPathIsRead() throws IOException {
        assertThat(prefixBuiltWithClassPathFile("promjaxrs.defaults_prefix=from_class_path\n")).isEqualTo("from_class_path");
    }

    @Test
    void theFileNamedByPrometheusConfigOverridesTheOneOnTheClassPath() throws IOException {
        system.set("prometheus.config", file("named.properties", "promjaxrs.defaults_prefix=from_file\n").toString());

        assertThat(prefixBuiltWithClassPathFile("promjaxrs.defaults_prefix=from_class_path\n")).isEqualTo("from_file");
    }

    @Test
    void thePrometheusConfigEnvironmentVariableOverridesTheSystemProperty() throws IOException {
        system.set("prometheus.config", file("by-property.properties", "promjaxrs.defaults_prefix=by_property\n").toString());
        Path byEnvironment = file("by-env.properties", "promjaxrs.defaults_prefix=by_env\n");

        assertThat(prefixBuilt(Map.of("PROMETHEUS_CONFIG", byEnvironment.toString()))).isEqualTo("by_env");
    }

    @Test
    void clientJavasOwnLoaderAcceptsAFileWithPromjaxrsLines() throws IOException {
        Path config = file("prometheus.properties", "promjaxrs.defaults_prefix=shared\n"
                + "io.prometheus.exporter.include_created_timestamps=false\n");
        system.set("prometheus.config", config.toString());

        io.prometheus.metrics.config.PrometheusPropertiesLoader.load();
        assertThat(prefixBuilt(Map.of())).isEqualTo("shared");
    }

    @Test
    void anUnreadableNamedFileFailsNamingIt() {
        String missing = dir.resolve("missing.properties").toString();
        system.set("prometheus.config", missing);

        assertThatIllegalArgumentException().isThrownBy(() -> prefixBuilt(Map.of()))
                .withMessageStartingWith("prometheus.config / PROMETHEUS_CONFIG " + missing + ": cannot be read");
    }

    // --- what each key does

    @Test
    void pathMovesTheEndpoint() {
        try (TestApp app = start(Map.of("PROMJAXRS_PATH", "/prom"), ItemsResource.class)) {
            assertThat(app.get("/prom").body()).contains("jaxrs_exporter_info{version=\"");
            assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anEmptyPathRemovesTheEndpoint() {
        try (TestApp app = start(Map.of("PROMJAXRS_PATH", ""), ItemsResource.class)) {
            assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void exportDefaultsFalseRecordsNothing() {
        try (TestApp app = start(Map.of("PROMJAXRS_EXPORT_DEFAULTS", "false"), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.exposition()).doesNotContain("jaxrs_");
        }
    }

    @Test
    void bucketsAreCommaSeparatedBounds() {
        try (TestApp app = start(Map.of("PROMJAXRS_BUCKETS", "0.5, 30"), b -> b.buckets(1, 2, 3), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_request_duration_seconds_bucket")).containsExactly(
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items\",status=\"200\",le=\"0.5\"} 1",
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items\",status=\"200\",le=\"30.0\"} 1",
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items\",status=\"200\",le=\"+Inf\"} 1");
        }
    }

    @Test
    void defaultLatencyAsHistogramFalseGivesASummary() {
        try (TestApp app = start(Map.of("PROMJAXRS_DEFAULT_LATENCY_AS_HISTOGRAM", "FALSE"), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.exposition()).contains("# TYPE jaxrs_http_request_duration_seconds summary\n")
                    .doesNotContain("jaxrs_http_request_duration_seconds_bucket");
        }
    }

    @Test
    void groupByEndpointOverridesTheCodesGrouping() {
        try (TestApp app = start(Map.of("PROMJAXRS_GROUP_BY", "endpoint"), b -> b.groupBy(GroupBy.PATH),
                ItemsResource.class)) {
            app.get("/items/7");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{endpoint=\"ItemsResource.get\",method=\"GET\",status=\"200\"} 1");
        }
    }

    @Test
    void conventionsOpenTelemetrySwitchesToTheOpenTelemetryNames() {
        try (TestApp app = start(Map.of("PROMJAXRS_CONVENTIONS", "opentelemetry"), ItemsResource.class)) {
            app.get("/items/7");

            assertThat(app.lines(COUNT)).isEmpty();
            assertThat(app.lines("http_server_request_duration_seconds_count")).containsExactly(
                    "http_server_request_duration_seconds_count{error_type=\"\",http_request_method=\"GET\","
                            + "http_response_status_code=\"200\",http_route=\"/items/{id: [0-9]+}\","
                            + "network_protocol_version=\"1.1\",url_scheme=\"http\"} 1");
        }
    }

    @Test
    void excludedPathsReplaceTheCodesExclusions() {
        try (TestApp app = start(Map.of("PROMJAXRS_EXCLUDED_PATHS", "^/health, ^/items/[0-9]+$"),
                b -> b.excludedPaths("^/items$"), MiscResource.class, ItemsResource.class)) {
            app.get("/health");
            app.get("/items/3");
            app.get("/items");

            assertThat(app.lines(COUNT)).containsExactly(COUNT + "{method=\"GET\",path=\"/items\",status=\"200\"} 1");
        }
    }

    @Test
    void defaultLabelsReplaceTheCodesStaticLabelsAndKeepItsDynamicOnes() {
        try (TestApp app = start(Map.of("PROMJAXRS_DEFAULT_LABELS", "env=prod, region=eu"),
                b -> b.defaultLabel("service", "orders").defaultLabel("client", (req, resp) -> "web"),
                ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{client=\"web\",env=\"prod\",method=\"GET\",region=\"eu\",status=\"200\"} 1.0");
        }
    }

    @Test
    void aDefaultLabelPropertyNamingADynamicLabelFixesItsValue() {
        try (TestApp app = start(Map.of("PROMJAXRS_DEFAULT_LABELS", "client=batch"),
                b -> b.defaultLabel("client", (req, resp) -> "web"), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{client=\"batch\",method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void jvmMetricsTrueRegistersThemOnAnyRegistry() {
        assertThat(TestApp.exposition(build(Map.of("PROMJAXRS_JVM_METRICS", "true"), b -> { })))
                .contains("\njvm_threads_current ");
    }

    @Test
    void cardinalityLimitBoundsTheSeries() {
        try (TestApp app = start(Map.of("PROMJAXRS_CARDINALITY_LIMIT", "1", "PROMJAXRS_GROUP_BY", "path"),
                ItemsResource.class)) {
            app.get("/items/1");
            app.get("/items/2");

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/items/1\",status=\"200\"} 1",
                    COUNT + "{method=\"OVERFLOW\",path=\"OVERFLOW\",status=\"OVERFLOW\"} 1");
            assertThat(CapturedLogs.messages()).singleElement(InstanceOfAssertFactories.STRING)
                    .contains("jaxrs_http_request_duration_seconds reached its cardinality limit of 1");
        }
    }


    @Test
    void maxLabelValueLengthCutsRequestDerivedValues() {
        try (TestApp app = start(Map.of("PROMJAXRS_MAX_LABEL_VALUE_LENGTH", "6", "PROMJAXRS_GROUP_BY", "path"),
                ItemsResource.class)) {
            app.get("/items/12345");

            assertThat(app.lines(COUNT)).containsExactly(COUNT + "{method=\"GET\",path=\"/items\",status=\"200\"} 1");
        }
    }

    @Test
    void metricsPortServesTheRegistryUntilClosed() throws Exception {
        int port = freePort();
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry)
                .build(ConfigProperties.load(Map.of("PROMJAXRS_METRICS_PORT", Integer.toString(port),
                        "PROMJAXRS_METRICS_HOST", "127.0.0.1")));
        HttpRequest.Builder scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        try {
            HttpResponse<String> response = Http.send(scrape);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("jaxrs_exporter_info{version=\"");
        } finally {
            metrics.close();
        }
        assertThatThrownBy(() -> Http.send(scrape)).hasCauseInstanceOf(ConnectException.class);
    }

    @Test
    void aMetricsPortInUseFailsTheBuildNamingItAndRegistersNothing() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(registry).jvmMetrics(true);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> builder.build(ConfigProperties.load(
                    Map.of("PROMJAXRS_METRICS_PORT", port, "PROMJAXRS_METRICS_HOST", "127.0.0.1"))))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("PROMJAXRS_METRICS_PORT=" + port + " (environment variable), "
                            + "PROMJAXRS_METRICS_HOST=127.0.0.1 (environment variable): cannot start the metrics server");
        }
        assertThat(TestApp.exposition(registry)).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // --- invalid values and keys

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cardinality_limit | abc | not an integer",
        "cardinality_limit | 0 | cardinalityLimit: must be at least 1, got 0",
        "max_label_value_length | 1.5 | not an integer",
        "max_label_value_length | 0 | maxLabelValueLength: must be at least 1, got 0",
        "metrics_port | x | not an integer",
        "metrics_port | 65536 | not a port number (0 to 65535; 0: any free port)",
        "export_defaults | yes | not true or false",
        "default_latency_as_histogram | 1 | not true or false",
        "exclude_user_defaults | on | not true or false",
        "initial_value_when_only_static_labels | '' | not true or false",
        "jvm_metrics | no | not true or false",
        "native_histograms | y | not true or false",
        "group_by | route | not one of template, path, endpoint",
        "conventions | otel | not one of promjaxrs, opentelemetry",
        "buckets | '0.1, x' | 'x' is not a number",
        "buckets | '1, 0.5' | buckets: bounds must be strictly increasing, but 0.5 follows 1.0",
        "buckets | '' | buckets: at least one bucket bound is required",
        "defaults_prefix | 1x | defaultsPrefix: '1x' is not a valid metric name (allowed: [a-zA-Z_:][a-zA-Z0-9_:]*)",
        "path | /items/{id} | path: must be a literal path such as /metrics, got '/items/{id}'",
        "excluded_paths | '^/a, (' | excludedPaths: invalid regular expression '(': Unclosed group",
        "default_labels | env | 'env' is not name=value",
        "default_labels | le=x | defaultLabel: 'le' is not a valid label name (allowed: [a-zA-Z_][a-zA-Z0-9_]*, not reserved: __*, le, quantile)",
        "default_labels | status=x | defaultLabel: 'status' is already a label of the default metrics (method, status and path, the label of groupBy GroupBy.TEMPLATE)",
        "metrics_host | 127.0.0.1 | only used with promjaxrs.metrics_port, which is not set",
    })
    void anInvalidSystemPropertyFailsTheBuildNamingItsKeyAndSource(String key, String value, String reason) {
        system.set("promjaxrs." + key, value);

        assertThatIllegalArgumentException().isThrownBy(() -> build(Map.of(), b -> { }))
                .withMessage("promjaxrs." + key + "=" + value + " (system property): " + reason);
    }

    @Test
    void anInvalidEnvironmentVariableIsNamedAsGiven() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> build(Map.of("PROMJAXRS_CARDINALITY_LIMIT", "abc"), b -> { }))
                .withMessage("PROMJAXRS_CARDINALITY_LIMIT=abc (environment variable): not an integer");
    }

    @Test
    void anInvalidLineInTheFileNamesTheFile() throws IOException {
        Path config = file("prometheus.properties", "promjaxrs.group_by = route \n");
        system.set("prometheus.config", config.toString());

        assertThatIllegalArgumentException().isThrownBy(() -> build(Map.of(), b -> { }))
                .withMessage("promjaxrs.group_by=route (" + config + "): not one of template, path, endpoint");
    }

    @Test
    void anUnknownKeyFailsTheBuild() {
        system.set("promjaxrs.exclude_paths", "^/health");

        assertThatIllegalArgumentException().isThrownBy(() -> build(Map.of(), b -> { }))
                .withMessageStartingWith("promjaxrs.exclude_paths=^/health (system property): unknown promjaxrs property."
                        + " The keys are path, export_defaults, defaults_prefix, buckets,");
    }

    @Test
    void anUnknownCamelCaseKeySuggestsTheKey() {
        system.set("promjaxrs.groupBy", "path");

        assertThatIllegalArgumentException().isThrownBy(() -> build(Map.of(), b -> { }))
                .withMessageStartingWith("promjaxrs.groupBy=path (system property): unknown promjaxrs property"
                        + " (did you mean promjaxrs.group_by?). The keys are ");
    }

    @Test
    void anUnknownEnvironmentVariableFailsTheBuild() {
        assertThatIllegalArgumentException().isThrownBy(() -> build(Map.of("PROMJAXRS_GROUPBY", "path"), b -> { }))
                .withMessageStartingWith("PROMJAXRS_GROUPBY=path (environment variable): unknown promjaxrs property.");
    }

    @Test
    void aFailedBuildRegistersNothing() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(registry);

        assertThatIllegalArgumentException().isThrownBy(
                () -> builder.build(ConfigProperties.load(Map.of("PROMJAXRS_BUCKETS", "2, 1"))));
        assertThat(TestApp.exposition(registry)).isEmpty();
    }
}
