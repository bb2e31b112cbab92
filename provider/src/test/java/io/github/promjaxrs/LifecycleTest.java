package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.LiveThreads;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC "Registering" (building twice) and "Lifecycle": what build() and close() leave in the registry and the JVM. */
class LifecycleTest {

    @Path("/counted")
    public static class CountedResource {
        @GET
        @Counted(name = "counted_calls_total", help = "Calls")
        public String get() {
            return "counted";
        }
    }

    private static PrometheusMetrics.Builder builder(PrometheusRegistry registry) {
        return PrometheusMetrics.builder().registry(registry).jvmMetrics(false);
    }

    @Test
    void buildingTwiceWithTheSameSettingsReusesTheMetrics() {
        PrometheusRegistry registry = new PrometheusRegistry();
        builder(registry).build();
        String before = TestApp.exposition(registry);

        builder(registry).build();

        assertThat(TestApp.exposition(registry)).isEqualTo(before);
        assertThat(TestApp.linesOf(before, "jaxrs_exporter_info")).hasSize(1);
    }

    @Test
    void twoInstancesWithTheSameSettingsRecordIntoTheSameSeries() {
        PrometheusRegistry registry = new PrometheusRegistry();
        try (TestApp first = TestApp.startWith(registry, builder(registry).build(), ItemsResource.class);
             TestApp second = TestApp.startWith(registry, builder(registry).build(), ItemsResource.class)) {
            first.get("/items/1");
            second.get("/items/2");

            assertThat(first.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 2.0");
        }
    }

    @Test
    void aFailedBuildLeavesTheRegistryExactlyAsItWas() {
        PrometheusRegistry registry = new PrometheusRegistry();
        builder(registry).defaultsPrefix("front").build();
        String before = TestApp.exposition(registry);

        assertThatThrownBy(() -> builder(registry).defaultsPrefix("front").groupBy(GroupBy.ENDPOINT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("front_http_request_duration_seconds is already registered as Histogram(")
                .hasMessageContaining("labels=[method, endpoint, status]");

        assertThat(TestApp.exposition(registry)).isEqualTo(before);
    }

    /** An annotation type that carries no metric annotation. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    public @interface CarriesNothing {
    }

    @Test
    void aBuildWithABadExcludedPathsRegexRegistersNothingAndCanBeRetried() {
        PrometheusRegistry registry = new PrometheusRegistry();

        assertThatThrownBy(() -> builder(registry).excludedPaths("^/health(").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("excludedPaths");

        assertThat(TestApp.exposition(registry)).isEmpty();
        builder(registry).excludedPaths("^/health").build();
        assertThat(TestApp.linesOf(TestApp.exposition(registry), "jaxrs_exporter_info")).hasSize(1);
    }

    @Test
    void aBuildWithAnEmptyRegisterDefaultRegistersNothingAndCanBeRetried() {
        PrometheusRegistry registry = new PrometheusRegistry();

        assertThatThrownBy(() -> builder(registry).registerDefault(CarriesNothing.class).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registerDefault");

        assertThat(TestApp.exposition(registry)).isEmpty();
        builder(registry).build();
        assertThat(TestApp.linesOf(TestApp.exposition(registry), "jaxrs_exporter_info")).hasSize(1);
    }

    @Test
    void closeUnregistersEveryMetricTheInstanceCreated() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = builder(registry).build();
        metrics.info("app_info", "Application info", Map.of("version", "1.0.3")).set(1);
        try (TestApp app = TestApp.startWith(registry, metrics, CountedResource.class)) {
            app.get("/counted");

            metrics.close();

            assertThat(app.exposition()).isEmpty();
        }
    }

    @Test
    void closeIsIdempotent() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = builder(registry).build();

        metrics.close();
        metrics.close();

        assertThat(TestApp.exposition(registry)).isEmpty();
    }

    @Test
    void sharedMetricsStayUntilTheLastInstanceCloses() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics first = builder(registry).build();
        PrometheusMetrics second = builder(registry).build();
        String both = TestApp.exposition(registry);

        first.close();
        assertThat(TestApp.exposition(registry)).isEqualTo(both);

        second.close();
        assertThat(TestApp.exposition(registry)).isEmpty();
    }

    @Test
    void aRegistryCanBeBuiltOnAgainAfterClose() {
        PrometheusRegistry registry = new PrometheusRegistry();
        builder(registry).build().close();

        PrometheusMetrics rebuilt = builder(registry).buckets(5, 10).build();

        try (TestApp app = TestApp.startWith(registry, rebuilt, ItemsResource.class)) {
            app.get("/items/1");
            assertThat(app.lines("jaxrs_http_request_duration_seconds_bucket"))
                    .containsExactly(
                            "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items/{id}\",status=\"200\",le=\"5.0\"} 1",
                            "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items/{id}\",status=\"200\",le=\"10.0\"} 1",
                            "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/items/{id}\",status=\"200\",le=\"+Inf\"} 1");
        }
    }

    @Test
    void requestsAfterCloseAreServedUnrecorded() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics closed = builder(registry).build();
        builder(registry).build(); // still open: the shared series stay registered
        try (TestApp app = TestApp.startWith(registry, closed, ItemsResource.class)) {
            app.get("/items/1");
            closed.close();

            assertThat(app.get("/items/2").statusCode()).isEqualTo(200);
            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void withNoTracerBuildAndRequestsStartNoThread() {
        Set<String> before = LiveThreads.names();
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = builder(registry).build();
        metrics.info("app_info", "Application info", Map.of("version", "1.0.3")).set(1);
        Set<String> after = LiveThreads.names();

        assertThat(after).as("threads started by build() and info()").isSubsetOf(before);
    }
}
