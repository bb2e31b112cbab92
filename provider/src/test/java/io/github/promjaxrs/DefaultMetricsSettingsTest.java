package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.MiscResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each builder setting does to the default metrics. */
class DefaultMetricsSettingsTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    @Test
    void prefixReplacesJaxrs() {
        try (TestApp app = TestApp.start(b -> b.defaultsPrefix("shop"), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("shop_http_request_total"))
                    .containsExactly("shop_http_request_total{method=\"GET\",status=\"200\"} 1.0");
            assertThat(app.exposition()).doesNotContain("jaxrs_");
        }
    }

    @Test
    void noPrefixGivesHttpNames() {
        try (TestApp app = TestApp.start(b -> b.defaultsPrefix(PrometheusMetrics.NO_PREFIX), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("http_request_duration_seconds_count"))
                    .containsExactly("http_request_duration_seconds_count{method=\"GET\",path=\"/items\",status=\"200\"} 1");
            assertThat(app.lines("exporter_info")).hasSize(1);
        }
    }

    @Test
    void bucketsAreTheLatencyHistogramBounds() {
        try (TestApp app = TestApp.start(b -> b.buckets(0.5, 30), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_request_duration_seconds_bucket")).containsExactly(
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items\",status=\"200\",le=\"0.5\"} 1",
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items\",status=\"200\",le=\"30.0\"} 1",
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items\",status=\"200\",le=\"+Inf\"} 1");
        }
    }

    @Test
    void latencyAsSummaryHasCountAndSumOnly() {
        try (TestApp app = TestApp.start(b -> b.defaultLatencyAsHistogram(false), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.exposition())
                    .contains("# TYPE jaxrs_http_request_duration_seconds summary\n")
                    .contains(COUNT + "{method=\"GET\",path=\"/items\",status=\"200\"} 1\n")
                    .doesNotContain("jaxrs_http_request_duration_seconds_bucket")
                    .doesNotContain("quantile=");
        }
    }

    @Test
    void staticDefaultLabelIsOnEveryDefaultMetricButTheInfoGauge() {
        try (TestApp app = TestApp.start(b -> b.defaultLabel("service", "orders"),
                FailingResource.class)) {
            app.get("/fail/unmapped");

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",path=\"/fail/unmapped\",service=\"orders\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{method=\"GET\",service=\"orders\",status=\"500\"} 1.0");
            assertThat(app.lines("jaxrs_http_request_exceptions_total")).containsExactly(
                    "jaxrs_http_request_exceptions_total{method=\"GET\",service=\"orders\",status=\"500\"} 1.0");
            assertThat(app.lines("jaxrs_exporter_info")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .doesNotContain("service");
        }
    }

    @Test
    void dynamicDefaultLabelIsEvaluatedPerRequest() {
        try (TestApp app = TestApp.start(
                b -> b.defaultLabel("client", (req, resp) -> req.getHeaderString("X-Client")),
                ItemsResource.class)) {
            app.send(java.net.http.HttpRequest.newBuilder(app.uri("/items")).header("X-Client", "web"));
            app.send(java.net.http.HttpRequest.newBuilder(app.uri("/items")).header("X-Client", "mobile"));

            assertThat(app.lines("jaxrs_http_request_total")).containsExactlyInAnyOrder(
                    "jaxrs_http_request_total{client=\"web\",method=\"GET\",status=\"200\"} 1.0",
                    "jaxrs_http_request_total{client=\"mobile\",method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void dynamicDefaultLabelReadsTheResponse() {
        try (TestApp app = TestApp.start(
                b -> b.defaultLabel("answered", (req, resp) -> resp == null ? "no response" : resp.getStatus() + " seen"),
                ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{answered=\"200 seen\",method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void dynamicDefaultLabelThatReturnsNullRecordsEmptyValue() {
        try (TestApp app = TestApp.start(b -> b.defaultLabel("client", (req, resp) -> null), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{client=\"\",method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void dynamicDefaultLabelThatThrowsRecordsErrorAndAnswersNormally() {
        try (TestApp app = TestApp.start(b -> b.defaultLabel("client", (req, resp) -> {
            throw new IllegalStateException("broken label");
        }), ItemsResource.class)) {
            assertThat(app.get("/items").body()).isEqualTo("items");

            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{client=\"ERROR\",method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void exportDefaultsFalseRecordsNothing() {
        try (TestApp app = TestApp.start(b -> b.exportDefaults(false), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.exposition()).doesNotContain("jaxrs_");
        }
    }

    @Test
    void exporterInfoGaugeCarriesTheLibraryVersion() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            assertThat(app.lines("jaxrs_exporter_info"))
                    .containsExactly("jaxrs_exporter_info{version=\"0.1.0-SNAPSHOT\"} 1.0");
        }
    }

    @Test
    void infoRegistersAGaugeWithTheGivenLabels() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();

        metrics.info("app_info", "Application info", Map.of("version", "1.0.3")).set(1);

        assertThat(TestApp.linesOf(TestApp.exposition(registry), "app_info"))
                .containsExactly("app_info{version=\"1.0.3\"} 1.0");
    }

    @Test
    void doNotTrackMethodIsNotRecorded() {
        try (TestApp app = TestApp.start(MiscResource.class)) {
            assertThat(app.get("/untracked").body()).isEqualTo("not tracked");

            assertThat(app.lines("jaxrs_http_request_total")).isEmpty();
        }
    }

    @Test
    void excludedPathsAreNotRecorded() {
        try (TestApp app = TestApp.start(b -> b.excludedPaths("^/health"), MiscResource.class, ItemsResource.class)) {
            app.get("/health");
            app.get("/items");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/items\",status=\"200\"} 1");
        }
    }

    @Test
    void excludedPathsTakePlainPrefixesAndRegexesTogether() {
        try (TestApp app = TestApp.start(b -> b.excludedPaths("/heal", "^/items/[0-9]+$"), MiscResource.class,
                ItemsResource.class)) {
            app.get("/health");
            app.get("/items/3");
            app.get("/items");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/items\",status=\"200\"} 1");
        }
    }

    @Test
    void excludedPathsMatchAtTheStartOfThePathOnly() {
        try (TestApp app = TestApp.start(b -> b.excludedPaths("health"), MiscResource.class)) {
            app.get("/health");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/health\",status=\"200\"} 1");
        }
    }

    @Test
    void oneInstanceInTwoApplicationsRecordsBothIntoTheSameMetrics() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        try (TestApp first = TestApp.startWith(registry, metrics, ItemsResource.class);
             TestApp second = TestApp.startWith(registry, metrics, ItemsResource.class)) {
            first.get("/items");
            second.get("/items");

            assertThat(first.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 2.0");
        }
    }

    @Test
    void jvmMetricsAreOffForANonDefaultRegistryUnlessAsked() {
        PrometheusRegistry plain = new PrometheusRegistry();
        PrometheusRegistry withJvm = new PrometheusRegistry();
        PrometheusMetrics.builder().registry(plain).build();
        PrometheusMetrics.builder().registry(withJvm).jvmMetrics(true).build();

        assertThat(TestApp.exposition(plain)).doesNotContain("jvm_");
        assertThat(TestApp.exposition(withJvm)).contains("jvm_memory_used_bytes{area=\"heap\"}");
    }

    @Test
    void nativeHistogramsAddANativeHistogramToProtobufScrapes() {
        try (TestApp app = TestApp.start(b -> b.nativeHistograms(true), ItemsResource.class)) {
            app.get("/items");

            assertThat(app.get("/metrics?debug=prometheus-protobuf").body())
                    .contains("schema:")
                    .contains("upper_bound: 0.005");
        }
    }

    @Test
    void latencyHistogramIsClassicOnlyByDefault() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items");

            assertThat(app.get("/metrics?debug=prometheus-protobuf").body())
                    .contains("upper_bound: 0.005")
                    .doesNotContain("schema:");
        }
    }
}
