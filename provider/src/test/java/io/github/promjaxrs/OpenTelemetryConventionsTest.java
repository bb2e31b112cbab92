package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.promjaxrs.SubResourceLocatorTest.CatalogResource;
import io.github.promjaxrs.fixture.AsyncResource;
import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.MiscResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code Conventions.OPENTELEMETRY}: each kind of request gives the series the OpenTelemetry Java
 * agent's Prometheus exporter gives for it (e2e/otel-agent.sh compares the two on the example),
 * and everything else works as under promjaxrs' own names.
 */
class OpenTelemetryConventionsTest {

    private static final String COUNT = "http_server_request_duration_seconds_count";
    private static final String BUCKET = "http_server_request_duration_seconds_bucket";
    private static final String ACTIVE = "http_server_active_requests";

    @Path("/created")
    public static class CreatingResource {
        @POST
        public Response create() {
            return Response.created(URI.create("/created/1")).entity("created").build();
        }
    }

    private static TestApp start(Consumer<PrometheusMetrics.Builder> settings, Object... components) {
        return TestApp.start(b -> settings.accept(b.conventions(Conventions.OPENTELEMETRY)), components);
    }

    private static TestApp start(Object... components) {
        return start(b -> { }, components);
    }

    /** The count line of one series; {@code route} and {@code errorType} "" where the agent leaves them out. */
    private static String count(String method, String route, int status, String errorType, long count) {
        return COUNT + "{error_type=\"" + errorType + "\",http_request_method=\"" + method
                + "\",http_response_status_code=\"" + status + "\",http_route=\"" + route
                + "\",network_protocol_version=\"1.1\",url_scheme=\"http\"} " + count;
    }

    @Test
    void templatedRequestIsRecordedWithItsRouteWithRegexConstraintsAsWritten() {
        try (TestApp app = start(ItemsResource.class)) {
            assertThat(app.get("/items/7").statusCode()).isEqualTo(200);

            assertThat(app.lines(COUNT)).containsExactly(count("GET", "/items/{id: [0-9]+}", 200, "", 1));
        }
    }

    @Test
    void requestThroughSubResourceLocatorsIsRecordedWithTheFullRoute() {
        try (TestApp app = start(CatalogResource.class)) {
            assertThat(app.get("/catalog/archive/1999/dune").statusCode()).isEqualTo(200);

            assertThat(app.lines(COUNT))
                    .containsExactly(count("GET", "/catalog/archive/{year: [0-9]{4}}/{book}", 200, "", 1));
        }
    }

    @Test
    void createdIsRecordedWithStatus201AndNoErrorType() {
        try (TestApp app = start(CreatingResource.class)) {
            assertThat(app.request("POST", "/created").statusCode()).isEqualTo(201);

            assertThat(app.lines(COUNT)).containsExactly(count("POST", "/created", 201, "", 1));
        }
    }

    @Test
    void mappedExceptionIsRecordedWithTheMappedStatusAndNoErrorType() {
        try (TestApp app = start(FailingResource.class, FailingResource.ConflictMapper.class)) {
            assertThat(app.get("/fail/mapped").statusCode()).isEqualTo(409);

            assertThat(app.lines(COUNT)).containsExactly(count("GET", "/fail/mapped", 409, "", 1));
        }
    }

    @Test
    void unmappedExceptionIsRecordedWithStatus500AndErrorType500() {
        try (TestApp app = start(FailingResource.class, FailingResource.ConflictMapper.class)) {
            assertThat(app.get("/fail/unmapped").statusCode()).isEqualTo(500);

            assertThat(app.linesOnceRecorded(COUNT)).containsExactly(count("GET", "/fail/unmapped", 500, "500", 1));
        }
    }

    @Test
    void asyncRequestIsRecordedWhenItsResponseIsWritten() {
        try (TestApp app = start(AsyncResource.class)) {
            assertThat(app.get("/async/stage").body()).isEqualTo("late");

            assertThat(app.linesOnceRecorded(COUNT)).containsExactly(count("GET", "/async/stage", 200, "", 1));
            // the request took DELAY_MILLIS (300 ms): it is not in the 0.25 s bucket
            assertThat(app.lines(BUCKET)).filteredOn(line -> line.contains("le=\"0.25\"")).singleElement()
                    .asString().endsWith(" 0");
        }
    }

    @Test
    void unmatchedRequestHasNoRoute() {
        try (TestApp app = start(ItemsResource.class)) {
            assertThat(app.get("/nowhere/" + "x".repeat(40)).statusCode()).isEqualTo(404);

            assertThat(app.lines(COUNT)).containsExactly(count("GET", "", 404, "", 1));
        }
    }

    @Test
    void methodNotAllowedHasNoRoute() {
        try (TestApp app = start(ItemsResource.class)) {
            assertThat(app.request("DELETE", "/items/7").statusCode()).isEqualTo(405);

            assertThat(app.lines(COUNT)).containsExactly(count("DELETE", "", 405, "", 1));
        }
    }

    @Test
    void methodsOutsideTheStandardOnesAreOtherEvenWhenTheApplicationDeclaresThem() {
        try (TestApp app = start(MiscResource.class)) {
            assertThat(app.request("PURGE", "/cache").statusCode()).isEqualTo(200);
            app.request("BREW", "/cache");

            assertThat(app.lines(COUNT)).contains(count("_OTHER", "/cache", 200, "", 1))
                    .allMatch(line -> line.contains("http_request_method=\"_OTHER\""));
            assertThat(app.lines(ACTIVE)).containsExactly(ACTIVE + "{http_request_method=\"_OTHER\",url_scheme=\"http\"} 0.0");
        }
    }

    @Test
    void latencyHasTheBucketsTheSemanticConventionsAdvise() {
        try (TestApp app = start(ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines(BUCKET)).extracting(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                    .containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0",
                            "2.5", "5.0", "7.5", "10.0", "+Inf");
        }
    }

    @Test
    void bucketsSettingOverridesTheAdvisedBuckets() {
        try (TestApp app = start(b -> b.buckets(0.1, 1), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines(BUCKET)).extracting(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                    .containsExactly("0.1", "1.0", "+Inf");
        }
    }

    @Test
    void activeRequestsCountsARequestInFlightAndComesBackDown() throws Exception {
        try (TestApp app = start(AsyncResource.class)) {
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                    () -> app.get("/async/suspended"));
            String one = ACTIVE + "{http_request_method=\"GET\",url_scheme=\"http\"} 1.0";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!app.lines(ACTIVE).contains(one) && !inFlight.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<String> during = app.lines(ACTIVE);
            assertThat(inFlight.get().body()).isEqualTo("late");

            assertThat(during).containsExactly(one);
            assertThat(app.linesOnceRecorded(COUNT)).hasSize(1);
            assertThat(app.lines(ACTIVE)).containsExactly(ACTIVE + "{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
        }
    }

    @Test
    void defaultLabelsAreOnBothMetrics() {
        try (TestApp app = start(b -> b.defaultLabel("service", "orders")
                .defaultLabel("tenant", (request, response) -> request.getHeaderString("X-Tenant")), ItemsResource.class)) {
            app.send(HttpRequest.newBuilder(app.uri("/items/7")).header("X-Tenant", "acme"));

            assertThat(app.lines(COUNT)).containsExactly(COUNT + "{error_type=\"\",http_request_method=\"GET\","
                    + "http_response_status_code=\"200\",http_route=\"/items/{id: [0-9]+}\","
                    + "network_protocol_version=\"1.1\",service=\"orders\",tenant=\"acme\",url_scheme=\"http\"} 1");
            assertThat(app.lines(ACTIVE)).containsExactly(ACTIVE
                    + "{http_request_method=\"GET\",service=\"orders\",tenant=\"acme\",url_scheme=\"http\"} 0.0");
        }
    }

    @Test
    void excludedPathsAndDoNotTrackAreRecordedInNeitherMetric() {
        try (TestApp app = start(b -> b.excludedPaths("^/health"), MiscResource.class)) {
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThat(app.get("/untracked").statusCode()).isEqualTo(200);

            assertThat(app.lines(COUNT)).isEmpty();
            // the @DoNotTrack request was in flight until it matched: its series is there, back at 0
            assertThat(app.lines(ACTIVE)).allMatch(line -> line.endsWith(" 0.0"));
        }
    }

    @Test
    void promjaxrsOwnRequestMetricsAreNotThereButItsInfoGaugeIs() {
        try (TestApp app = start(ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_")).isEmpty();
            assertThat(app.lines("jaxrs_exporter_info")).hasSize(1);
        }
    }

    @Test
    void pastTheCardinalityLimitRoutesAreRecordedAsOverflow() {
        try (TestApp app = start(b -> b.cardinalityLimit(1), ItemsResource.class)) {
            app.get("/items");
            app.get("/items/7");

            assertThat(app.lines(COUNT)).containsExactly(
                    count("GET", "/items", 200, "", 1),
                    COUNT + "{error_type=\"OVERFLOW\",http_request_method=\"OVERFLOW\","
                            + "http_response_status_code=\"OVERFLOW\",http_route=\"OVERFLOW\","
                            + "network_protocol_version=\"OVERFLOW\",url_scheme=\"OVERFLOW\"} 1");
            assertThat(app.lines("jaxrs_exporter_cardinality_overflow_total")).containsExactly(
                    "jaxrs_exporter_cardinality_overflow_total{metric=\"" + COUNT.replace("_count", "") + "\"} 1.0");
        }
    }

    @Test
    void buildingTwiceOnOneRegistryRecordsIntoTheSameMetrics() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(registry)
                .conventions(Conventions.OPENTELEMETRY);
        try (PrometheusMetrics first = builder.build(); PrometheusMetrics second = builder.build();
             TestApp app = TestApp.startWith(registry, second, ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines(COUNT)).containsExactly(count("GET", "/items", 200, "", 1));
            assertThat(app.lines(ACTIVE)).containsExactly(ACTIVE + "{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
        }
    }

    @Test
    void groupingOtherThanByTemplateIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder()
                        .registry(new PrometheusRegistry())
                        .conventions(Conventions.OPENTELEMETRY).groupBy(GroupBy.PATH).build())
                .withMessageStartingWith("groupBy: Conventions.OPENTELEMETRY");
    }

    @Test
    void summaryLatencyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder()
                        .registry(new PrometheusRegistry())
                        .conventions(Conventions.OPENTELEMETRY).defaultLatencyAsHistogram(false).build())
                .withMessageStartingWith("defaultLatencyAsHistogram: Conventions.OPENTELEMETRY");
    }

    @Test
    void defaultLabelNamedLikeAnOpenTelemetryLabelIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder()
                        .registry(new PrometheusRegistry())
                        .conventions(Conventions.OPENTELEMETRY).defaultLabel("http_route", "x").build())
                .withMessage("defaultLabel: 'http_route' is already a label of the default metrics (http_request_method,"
                        + " http_route, http_response_status_code, url_scheme, network_protocol_version, error_type)");
    }
}
