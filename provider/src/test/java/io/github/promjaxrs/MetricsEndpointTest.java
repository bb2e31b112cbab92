package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.DEBUG_TEXT;
import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS;
import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS_ACCEPT;
import static io.github.promjaxrs.fixture.ContentType.PROTOBUF;
import static io.github.promjaxrs.fixture.ContentType.PROTOBUF_ACCEPT;
import static io.github.promjaxrs.fixture.ContentType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.BearerTokenFilter;
import io.github.promjaxrs.fixture.Bodies;
import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.ContentType;
import io.github.promjaxrs.fixture.ForbidAllFilter;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import io.github.promjaxrs.fixture.ThrowingCollector;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricType;
import io.prometheus.metrics.model.registry.Collector;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-application metrics endpoint, {@code GET /metrics}, as a scraper and a person see it. */
class MetricsEndpointTest {

    static final String ITEMS_COUNT_TEXT =
            "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items\",status=\"200\"} 1";

    @Test
    void prometheusTextIsServedByDefault() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<String> scrape = app.get("/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(TEXT));
            assertThat(scrape.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(scrape.body())
                    .contains("# TYPE jaxrs_http_request_duration_seconds histogram\n")
                    .contains(ITEMS_COUNT_TEXT + "\n")
                    .contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0\n")
                    .doesNotContain("# EOF");
            assertThat(exporterInfoLine(scrape.body())).startsWith("jaxrs_exporter_info{version=\"").endsWith("\"} 1.0");
        }
    }

    @Test
    void openMetricsIsServedWhenAccepted() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<String> scrape = app.scrape(OPENMETRICS_ACCEPT);

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(OPENMETRICS));
            assertThat(scrape.body())
                    .contains("# TYPE jaxrs_http_request_duration_seconds histogram\n")
                    .contains(ITEMS_COUNT_TEXT + "\n")
                    .contains("# TYPE jaxrs_http_request counter\n")
                    .contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0\n")
                    .endsWith("# EOF\n");
        }
    }

    @Test
    void prometheusServersDefaultAcceptHeaderGetsOpenMetrics() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> scrape = app.scrape("application/openmetrics-text;version=1.0.0,"
                    + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(OPENMETRICS));
            assertThat(scrape.body()).endsWith("# EOF\n");
        }
    }

    @Test
    void anAcceptHeaderForAnUnknownFormatGetsTextRatherThan406() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> scrape = app.scrape("application/json");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(TEXT));
            assertThat(scrape.body()).contains("jaxrs_exporter_info{version=\"");
        }
    }

    @Test
    void protobufIsServedWhenAcceptedAndParsesAsMetricFamilies() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<byte[]> scrape = app.sendForBytes(accept(app, PROTOBUF_ACCEPT));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(PROTOBUF));
            List<MetricFamily> families = Bodies.metricFamilies(scrape.body());
            assertThat(families).extracting(MetricFamily::getName).contains(
                    "jaxrs_http_request_duration_seconds", "jaxrs_http_request_total", "jaxrs_exporter_info");
            MetricFamily latency = family(families, "jaxrs_http_request_duration_seconds");
            assertThat(latency.getType()).isEqualTo(MetricType.HISTOGRAM);
            assertThat(latency.getMetricList())
                    .filteredOn(m -> m.getLabelList().stream().anyMatch(
                            l -> l.getName().equals("path") && l.getValue().equals("/items")))
                    .singleElement()
                    .satisfies(m -> assertThat(m.getHistogram().getSampleCount()).isEqualTo(1));
            MetricFamily info = family(families, "jaxrs_exporter_info");
            assertThat(info.getType()).isEqualTo(MetricType.GAUGE);
            assertThat(info.getMetric(0).getLabel(0).getName()).isEqualTo("version");
            assertThat(info.getMetric(0).getGauge().getValue()).isEqualTo(1.0);
        }
    }

    @Test
    void nameFilterReturnsOnlyTheNamedMetric() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<String> scrape = app.get("/metrics?name%5B%5D=jaxrs_exporter_info");

            assertThat(scrape.statusCode()).isEqualTo(200);
            List<String> lines = Arrays.asList(scrape.body().split("\n"));
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("# HELP jaxrs_exporter_info Information about the promjaxrs exporter");
            assertThat(lines.get(1)).isEqualTo("# TYPE jaxrs_exporter_info gauge");
            assertThat(lines.get(2)).startsWith("jaxrs_exporter_info{version=\"").endsWith("\"} 1.0");
        }
    }

    @Test
    void nameFilterTakesSeveralNames() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<String> scrape = app.get(
                    "/metrics?name%5B%5D=jaxrs_exporter_info&name%5B%5D=jaxrs_http_request_total");

            assertThat(metricNames(scrape.body()))
                    .containsExactlyInAnyOrder("jaxrs_exporter_info", "jaxrs_http_request_total");
            assertThat(scrape.body()).contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0\n");
        }
    }

    @Test
    void gzipIsUsedWhenAcceptEncodingAllowsIt() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<byte[]> scrape = app.sendForBytes(
                    HttpRequest.newBuilder(app.uri("/metrics")).header("Accept-Encoding", "gzip"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Encoding")).containsExactly("gzip");
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(TEXT));
            String text = new String(Bodies.gunzip(scrape.body()), StandardCharsets.UTF_8);
            assertThat(text).contains(ITEMS_COUNT_TEXT + "\n").startsWith("# HELP ");
        }
    }

    @Test
    void gzipIsNotUsedWhenAcceptEncodingDoesNotAllowIt() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> scrape = app.send(
                    HttpRequest.newBuilder(app.uri("/metrics")).header("Accept-Encoding", "identity"));

            assertThat(scrape.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(scrape.body()).startsWith("# HELP ");
        }
    }

    @Test
    void debugOpenMetricsIsReadableText() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<String> scrape = app.get("/metrics?debug=openmetrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(DEBUG_TEXT));
            assertThat(scrape.body()).contains(ITEMS_COUNT_TEXT + "\n").endsWith("# EOF\n");
        }
    }

    @Test
    void debugTextIsReadableText() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            HttpResponse<String> scrape = app.get("/metrics?debug=text");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(DEBUG_TEXT));
            assertThat(scrape.body()).contains(ITEMS_COUNT_TEXT + "\n").doesNotContain("# EOF");
        }
    }

    @Test
    void debugProtobufIsReadableText() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> scrape = app.get("/metrics?debug=prometheus-protobuf");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(DEBUG_TEXT));
            assertThat(scrape.body()).contains("name: \"jaxrs_exporter_info\"");
        }
    }

    @Test
    void customPathServesThereAndNotAtSlashMetrics() {
        try (TestApp app = TestApp.start(b -> b.path("/internal/prom"), ItemsResource.class)) {
            HttpResponse<String> scrape = app.get("/internal/prom");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(TEXT));
            assertThat(scrape.body()).contains("jaxrs_exporter_info{version=\"");
            assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void nullPathMountsNoEndpoint() {
        try (TestApp app = TestApp.start(b -> b.path(null), ItemsResource.class)) {
            assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(app.get("/items").statusCode()).isEqualTo(200);
            assertThat(app.lines("jaxrs_http_request_duration_seconds_count"))
                    .contains(ITEMS_COUNT_TEXT);
        }
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            String stable = "/metrics?name%5B%5D=jaxrs_exporter_info"; // the same body for both requests
            HttpResponse<String> get = app.get(stable);

            HttpResponse<String> head = app.request("HEAD", stable);

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(head)).isEqualTo(ContentType.parse(TEXT));
            assertThat(head.headers().allValues("Content-Length"))
                    .containsExactly(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void headWithOpenMetricsAcceptHasTheOpenMetricsContentType() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> head = app.send(accept(app, OPENMETRICS_ACCEPT)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(head)).isEqualTo(ContentType.parse(OPENMETRICS));
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void theEndpointsOwnRequestsAreRecorded() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/metrics");

            assertThat(app.lines("jaxrs_http_request_duration_seconds_count"))
                    .containsExactly("jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/metrics\",status=\"200\"} 1");
            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void theEndpointsRequestsAreRecordedUnderItsCustomPath() {
        try (TestApp app = TestApp.start(b -> b.path("internal/prom/"), ItemsResource.class)) {
            app.get("/internal/prom");

            assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).containsExactly(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/internal/prom\",status=\"200\"} 1");
        }
    }

    // ---- metricsEndpointFilter ----

    /** One way a scraper or a person can ask for metrics; named in the test report by {@code description}. */
    record Scrape(String description, Function<TestApp, HttpRequest.Builder> request) {
        HttpRequest.Builder to(TestApp app) {
            return request.apply(app);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Scrape> scrapes() {
        return Stream.of(
                new Scrape("text", app -> HttpRequest.newBuilder(app.uri("/metrics"))),
                new Scrape("OpenMetrics Accept", app -> accept(app, OPENMETRICS_ACCEPT)),
                new Scrape("protobuf Accept", app -> accept(app, PROTOBUF_ACCEPT)),
                new Scrape("?debug=text", app -> HttpRequest.newBuilder(app.uri("/metrics?debug=text"))),
                new Scrape("?debug=openmetrics", app -> HttpRequest.newBuilder(app.uri("/metrics?debug=openmetrics"))),
                new Scrape("?debug=prometheus-protobuf",
                        app -> HttpRequest.newBuilder(app.uri("/metrics?debug=prometheus-protobuf"))),
                new Scrape("name[]", app -> HttpRequest.newBuilder(app.uri("/metrics?name%5B%5D=jaxrs_exporter_info"))),
                new Scrape("gzip", app -> HttpRequest.newBuilder(app.uri("/metrics")).header("Accept-Encoding", "gzip")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrapes")
    void scrapeWithoutCredentialsIsRefusedWith401AndNoMetricData(Scrape scrape) {
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(new BearerTokenFilter("secret")), ItemsResource.class)) {
            app.get("/items");

            HttpResponse<byte[]> refused = app.sendForBytes(scrape.to(app));

            assertThat(refused.statusCode()).isEqualTo(401);
            assertNoMetricData(refused);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrapes")
    void scrapeWithAWrongTokenIsRefusedWith401AndNoMetricData(Scrape scrape) {
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(new BearerTokenFilter("secret")), ItemsResource.class)) {
            app.get("/items");

            HttpResponse<byte[]> refused = app.sendForBytes(scrape.to(app).header("Authorization", "Bearer guess"));

            assertThat(refused.statusCode()).isEqualTo(401);
            assertNoMetricData(refused);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrapes")
    void forbiddenScrapeIsRefusedWith403AndNoMetricData(Scrape scrape) {
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(new ForbidAllFilter()), ItemsResource.class)) {
            app.get("/items");

            HttpResponse<byte[]> refused = app.sendForBytes(scrape.to(app).header("Authorization", "Bearer secret"));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertNoMetricData(refused);
        }
    }

    @Test
    void headWithoutCredentialsIsRefusedWith401() {
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(new BearerTokenFilter("secret")), ItemsResource.class)) {
            HttpResponse<String> refused = app.request("HEAD", "/metrics");

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(ContentType.parse(TEXT).isOf(refused)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrapes")
    void scrapeWithTheRightTokenWorks(Scrape scrape) {
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(new BearerTokenFilter("secret")), ItemsResource.class)) {
            HttpResponse<byte[]> allowed = app.sendForBytes(scrape.to(app).header("Authorization", "Bearer secret"));

            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(Bodies.decoded(allowed)).contains("jaxrs_exporter_info");
        }
    }

    @Test
    void theEndpointFilterDoesNotGuardOtherResources() {
        ContainerRequestFilter guard = new BearerTokenFilter("secret");
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(guard), ItemsResource.class)) {
            HttpResponse<String> items = app.get("/items");

            assertThat(items.statusCode()).isEqualTo(200);
            assertThat(items.body()).isEqualTo("items");
            assertThat(app.request("POST", "/items").statusCode()).isEqualTo(200);
            assertThat(app.get("/items/7").body()).isEqualTo("item 7");
        }
    }

    static Stream<Throwable> guardFailures() {
        return Stream.of(new IllegalStateException("token store down"), new AssertionError("guard broke"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardFailures")
    void anEndpointFilterThatThrowsRefusesWithA500LoggedOnce(Throwable failure) {
        ContainerRequestFilter broken = request -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        };
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(broken), ItemsResource.class)) {
            HttpResponse<String> refused = app.get("/metrics");

            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.body()).isEqualTo("An error occurred while checking the request\n");
            assertThat(CapturedLogs.records(Level.WARNING)).filteredOn(r -> r.getThrown() != null).extracting(LogRecord::getThrown)
                    .containsExactly(failure);
            assertThat(app.lines("jaxrs_http_request_exceptions_total")).isEmpty();
            assertThat(app.get("/items").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusedScrapesAreRecordedWithTheirStatus() {
        try (TestApp app = TestApp.start(b -> b.metricsEndpointFilter(new BearerTokenFilter("secret")), ItemsResource.class)) {
            app.get("/metrics");

            assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).containsExactly(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/metrics\",status=\"401\"} 1");
        }
    }

    // ---- failures ----

    @Test
    void aCollectorThatThrowsGivesA500WithoutStackTrace() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.registry().register(new ThrowingCollector());

            HttpResponse<String> scrape = app.get("/metrics");

            assertThat(scrape.statusCode()).isEqualTo(500);
            assertThat(scrape.body()).isEqualTo("An error occurred while scraping metrics\n");
            assertThat(CapturedLogs.records(Level.WARNING)).filteredOn(r -> r.getThrown() != null).singleElement()
                    .satisfies(r -> assertThat(r.getThrown()).isInstanceOf(ThrowingCollector.ScrapeFailure.class));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrapes")
    void aCollectorThatThrowsGivesA500WithoutStackTraceInEveryFormat(Scrape scrape) {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.registry().register(new ThrowingCollector());

            HttpResponse<byte[]> failed = app.sendForBytes(scrape.to(app));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertNoFailureDetails(Bodies.decoded(failed));
        }
    }

    @Test
    void aCollectorThatThrowsAnErrorGivesA500LoggedOnceAndNotCountedAsAnException() {
        AssertionError failure = new AssertionError("collector broke");
        Collector broken = () -> {
            throw failure;
        };
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.registry().register(broken);
            HttpResponse<String> scrape = app.get("/metrics");
            app.registry().unregister(broken);

            assertThat(scrape.statusCode()).isEqualTo(500);
            assertThat(scrape.body()).isEqualTo("An error occurred while scraping metrics\n");
            assertThat(CapturedLogs.records(Level.WARNING)).filteredOn(r -> r.getThrown() != null).extracting(LogRecord::getThrown)
                    .containsExactly(failure);
            assertThat(app.lines("jaxrs_http_request_exceptions_total")).isEmpty();
            assertThat(app.get("/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFailedScrapeIsRecordedWithStatus500() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            ThrowingCollector broken = new ThrowingCollector();
            app.registry().register(broken);
            app.get("/metrics");
            app.registry().unregister(broken);

            assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).containsExactly(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/metrics\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_exceptions_total")).isEmpty();
        }
    }

    @Test
    void theEndpointServesAgainOnceTheBrokenCollectorIsGone() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            ThrowingCollector broken = new ThrowingCollector();
            app.registry().register(broken);
            assertThat(app.get("/metrics").statusCode()).isEqualTo(500);
            app.registry().unregister(broken);

            HttpResponse<String> scrape = app.get("/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(TEXT));
        }
    }

    // ---- helpers ----

    private static void assertNoMetricData(HttpResponse<byte[]> refused) {
        String body = Bodies.decoded(refused);
        assertThat(body).doesNotContain("jaxrs_").doesNotContain("# TYPE").doesNotContain("# EOF");
        for (String metricsType : List.of(TEXT, OPENMETRICS, PROTOBUF)) {
            assertThat(ContentType.parse(metricsType).isOf(refused)).as(metricsType).isFalse();
        }
    }

    private static void assertNoFailureDetails(String body) {
        assertThat(body)
                .doesNotContain("\tat ")
                .doesNotContain("ScrapeFailure")
                .doesNotContain(ThrowingCollector.ScrapeFailure.class.getName())
                .doesNotContain("Exception")
                .doesNotContain(ThrowingCollector.SECRET)
                .doesNotContain("jaxrs_");
    }

    static HttpRequest.Builder accept(TestApp app, String accept) {
        return HttpRequest.newBuilder(app.uri("/metrics")).header("Accept", accept);
    }

    private static String exporterInfoLine(String exposition) {
        return TestApp.linesOf(exposition, "jaxrs_exporter_info").get(0);
    }

    private static List<String> metricNames(String exposition) {
        return Arrays.stream(exposition.split("\n"))
                .filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.split(" ")[2])
                .collect(Collectors.toList());
    }

    private static MetricFamily family(List<MetricFamily> families, String name) {
        return families.stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    }
}
