package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.LiveThreads;
import io.github.promjaxrs.fixture.SystemProperties;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PrometheusMetricsFeature} registered by class, with every setting from configuration
 * properties. It builds on the default registry, which all tests of this JVM share: each test
 * has a prefix of its own, no JVM metrics, and restores the system properties it sets.
 */
class PrometheusMetricsFeatureTest {

    private final SystemProperties system = new SystemProperties();

    @AfterEach
    void restoreSystemProperties() {
        system.close();
    }

    /** An application of {@code components} on the runtime under test, scraped from the default registry. */
    private static TestApp start(Object... components) {
        return TestApp.serving(PrometheusRegistry.defaultRegistry, TestApp.runtime().start(null, List.of(components)));
    }

    private void prefix(String prefix) {
        system.set("promjaxrs.defaults_prefix", prefix).set("promjaxrs.jvm_metrics", "false");
    }

    @Test
    void registeredByClassItServesTheEndpointAndRecordsRequests() {
        prefix("feature_by_class");
        try (TestApp app = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            assertThat(app.get("/items/7").body()).isEqualTo("item 7");

            String count = "feature_by_class_http_request_duration_seconds_count";
            assertThat(app.lines(count))
                    .containsExactly(count + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1");
            assertThat(app.get("/metrics").body())
                    .contains(count + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1\n")
                    .contains("feature_by_class_exporter_info{version=\"");
        }
    }

    @Test
    void itsSettingsComeFromTheProperties() {
        prefix("feature_settings");
        system.set("promjaxrs.path", "/prom").set("promjaxrs.group_by", "endpoint");
        try (TestApp app = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            app.get("/items/7");

            String count = "feature_settings_http_request_duration_seconds_count";
            assertThat(app.lines(count))
                    .containsExactly(count + "{endpoint=\"ItemsResource.get\",method=\"GET\",status=\"200\"} 1");
            assertThat(app.get("/prom").body()).contains("feature_settings_exporter_info{version=\"");
            assertThat(app.get("/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anInstanceReadsTheEnvironment() {
        PrometheusMetricsFeature feature = new PrometheusMetricsFeature(
                Map.of("PROMJAXRS_DEFAULTS_PREFIX", "feature_env", "PROMJAXRS_JVM_METRICS", "false"));
        try (TestApp app = start(feature, ItemsResource.class)) {
            app.get("/items");

            assertThat(app.lines("feature_env_http_request_total"))
                    .containsExactly("feature_env_http_request_total{method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void twoApplicationsWithTheSameSettingsShareOneInstance() {
        prefix("feature_shared");
        try (TestApp first = start(PrometheusMetricsFeature.class, ItemsResource.class);
             TestApp second = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            first.get("/items");
            second.get("/items");

            assertThat(first.lines("feature_shared_http_request_total"))
                    .containsExactly("feature_shared_http_request_total{method=\"GET\",status=\"200\"} 2.0");
        }
    }

    @Test
    void theSharedInstanceHeldWeaklyLivesAsLongAsAnApplicationUsesIt() throws InterruptedException {
        prefix("feature_kept");
        try (TestApp first = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            for (int i = 0; i < 3; i++) {
                System.gc(); // the runtime holds the feature, which holds the instance: nothing to collect
                Thread.sleep(50);
            }
            try (TestApp second = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
                first.get("/items");
                second.get("/items");

                assertThat(first.lines("feature_kept_http_request_total"))
                        .containsExactly("feature_kept_http_request_total{method=\"GET\",status=\"200\"} 2.0");
            }
        }
    }

    @Test
    void onJerseyTheSharedInstanceClosesWithItsLastApplication() {
        assumeTrue(TestApp.runtime().name().equals("jersey"), "Jersey tells when an application stops; RESTEasy does not");
        prefix("feature_closed");
        system.set("promjaxrs.metrics_port", "0").set("promjaxrs.metrics_host", "127.0.0.1");
        Set<String> before = LiveThreads.names();
        try (TestApp first = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            try (TestApp second = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
                second.get("/items");
            }
            assertThat(first.lines("feature_closed_http_request_total"))
                    .as("the first application still uses the instance")
                    .containsExactly("feature_closed_http_request_total{method=\"GET\",status=\"200\"} 1.0");
        }

        assertThat(TestApp.exposition(PrometheusRegistry.defaultRegistry)).doesNotContain("feature_closed_");
        assertThat(LiveThreads.names()).filteredOn(name -> name.startsWith("promjaxrs"))
                .as("the separate port's threads").isSubsetOf(before);
        try (TestApp again = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            again.get("/items");
            assertThat(again.lines("feature_closed_http_request_total"))
                    .containsExactly("feature_closed_http_request_total{method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void applicationsWithOtherSettingsGetInstancesOfTheirOwn() {
        prefix("feature_first");
        try (TestApp first = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
            prefix("feature_second");
            try (TestApp second = start(PrometheusMetricsFeature.class, ItemsResource.class)) {
                first.get("/items");
                second.get("/items");
                second.get("/items");

                assertThat(first.lines("feature_first_http_request_total"))
                        .containsExactly("feature_first_http_request_total{method=\"GET\",status=\"200\"} 1.0");
                assertThat(first.lines("feature_second_http_request_total"))
                        .containsExactly("feature_second_http_request_total{method=\"GET\",status=\"200\"} 2.0");
            }
        }
    }

    @Test
    void anInvalidPropertyFailsTheApplicationsStartNamingIt() {
        prefix("feature_invalid");
        system.set("promjaxrs.cardinality_limit", "abc");

        Throwable thrown = catchThrowable(() -> start(PrometheusMetricsFeature.class, ItemsResource.class).close());

        // Jersey wraps it, RESTEasy throws it as it is
        assertThat(thrown).hasStackTraceContaining("promjaxrs.cardinality_limit=abc (system property): not an integer");
    }

    /** An application that names its providers in Jersey's {@code jersey.config.server.provider.classnames}. */
    static class ClassNamesApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(ItemsResource.class);
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of("jersey.config.server.provider.classnames", PrometheusMetricsFeature.class.getName());
        }
    }

    @Test
    void namedInJerseysProviderClassNamesItServesTheEndpointAndRecordsRequests() {
        assumeTrue(TestApp.runtime().name().equals("jersey"), "a Jersey property");
        prefix("feature_class_names");
        try (TestApp app = TestApp.serving(PrometheusRegistry.defaultRegistry,
                TestApp.runtime().start(new ClassNamesApplication()))) {
            app.get("/items/7");

            String count = "feature_class_names_http_request_duration_seconds_count";
            assertThat(app.get("/metrics").body())
                    .contains(count + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1\n");
        }
    }
}
