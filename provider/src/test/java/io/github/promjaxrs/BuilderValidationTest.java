package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every invalid setting fails early, with a message that names it. */
class BuilderValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a-b", "a b", "é"})
    void anInvalidDefaultsPrefixIsRefused(String prefix) {
        assertRefused(b -> b.defaultsPrefix(prefix)).withMessageContaining("defaultsPrefix").withMessageContaining(prefix);
    }

    @Test
    void noPrefixIsAllowed() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.builder().registry(registry).defaultsPrefix(PrometheusMetrics.NO_PREFIX).build();

        assertThat(TestApp.exposition(registry)).contains("\nexporter_info{version=\"").doesNotContain("jaxrs_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-name", "__x", "le", "quantile", "1x", ""})
    void anInvalidDefaultLabelNameIsRefused(String name) {
        assertRefused(b -> b.defaultLabel(name, "v")).withMessageContaining("defaultLabel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-name", "__x", "le"})
    void anInvalidDynamicDefaultLabelNameIsRefused(String name) {
        assertRefused(b -> b.defaultLabel(name, (req, resp) -> "v")).withMessageContaining("defaultLabel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"method", "status", "path"})
    void aDefaultLabelNamedLikeADefaultMetricsLabelIsRefused(String name) {
        assertRefused(b -> b.defaultLabel(name, "v")).withMessageContaining("defaultLabel").withMessageContaining(name);
    }

    @Test
    void aDefaultLabelNamedLikeTheEndpointGroupLabelIsRefused() {
        assertRefused(b -> b.groupBy(GroupBy.ENDPOINT).defaultLabel("endpoint", "v"))
                .withMessageContaining("defaultLabel").withMessageContaining("endpoint");
    }

    @Test
    void aDefaultLabelNamedLikeACustomGroupLabelIsRefused() {
        assertRefused(b -> b.groupBy(GroupBy.custom("route", r -> "x")).defaultLabel("route", "v"))
                .withMessageContaining("defaultLabel").withMessageContaining("route");
    }

    @ParameterizedTest
    @ValueSource(strings = {"method", "status"})
    void aCustomGroupLabelNamedLikeADefaultMetricsLabelIsRefused(String label) {
        assertRefused(b -> b.groupBy(GroupBy.custom(label, r -> "x"))).withMessageContaining("groupBy")
                .withMessageContaining("'" + label + "'");
    }

    @Test
    void aRefusedCustomGroupLabelRegistersNothing() {
        PrometheusRegistry registry = new PrometheusRegistry();

        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder().registry(registry)
                .jvmMetrics(true).groupBy(GroupBy.custom("status", r -> "x")).build());

        assertThat(TestApp.exposition(registry)).isEmpty();
    }

    @Test
    void aDefaultLabelNamedLikeTheGroupLabelIsRefusedNamingTheGrouping() {
        assertRefused(b -> b.groupBy(GroupBy.PATH).defaultLabel("path", (req, resp) -> "v"))
                .withMessage("defaultLabel: 'path' is already a label of the default metrics"
                        + " (method, status and path, the label of groupBy GroupBy.PATH)");
    }

    @Test
    void emptyBucketsAreRefused() {
        assertRefused(b -> b.buckets()).withMessageContaining("buckets");
    }

    @Test
    void bucketsThatDecreaseAreRefused() {
        assertRefused(b -> b.buckets(0.1, 1, 0.5)).withMessageContaining("buckets");
    }

    @Test
    void repeatedBucketsAreRefused() {
        assertRefused(b -> b.buckets(0.1, 1, 1)).withMessageContaining("buckets");
    }

    @Test
    void aNaNBucketIsRefused() {
        assertRefused(b -> b.buckets(0.1, Double.NaN)).withMessageContaining("buckets");
    }

    @Test
    void anInfiniteBucketIsRefused() {
        assertRefused(b -> b.buckets(0.1, Double.POSITIVE_INFINITY)).withMessageContaining("buckets");
        assertRefused(b -> b.buckets(Double.NEGATIVE_INFINITY, 0.1)).withMessageContaining("buckets");
    }

    @Test
    void anInvalidExcludedPathsRegexIsRefused() {
        assertRefused(b -> b.excludedPaths("^/health", "(")).withMessageContaining("excludedPaths")
                .withMessageContaining("(");
    }

    @Test
    void aCardinalityLimitBelowOneIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder().cardinalityLimit(0))
                .withMessageContaining("cardinalityLimit");
        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder().cardinalityLimit(-5))
                .withMessageContaining("cardinalityLimit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/items/{id}", "{x}"})
    void aPathThatIsEmptyOrATemplateIsRefused(String path) {
        assertRefused(b -> b.path(path)).withMessageContaining("path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-name", "__x", "le", "1x"})
    void anInvalidCustomGroupLabelIsRefused(String label) {
        assertRefused(b -> b.groupBy(GroupBy.custom(label, r -> "x"))).withMessageContaining("groupBy")
                .withMessageContaining(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1info", "app-info", "app info", ""})
    void anInfoWithAnInvalidMetricNameIsRefused(String name) {
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(new PrometheusRegistry()).build();

        assertThatIllegalArgumentException().isThrownBy(() -> metrics.info(name, "help", Map.of("version", "1")))
                .withMessageContaining("info");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad-name", "__x", "le", "1x"})
    void anInfoWithAnInvalidLabelNameIsRefused(String label) {
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(new PrometheusRegistry()).build();

        assertThatIllegalArgumentException().isThrownBy(() -> metrics.info("app_info", "help", Map.of(label, "1")))
                .withMessageContaining("info").withMessageContaining(label);
    }

    @Test
    void anInfoIsExportedWithItsLabelsInOrder() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("version", "1.0.3");
        labels.put("commit", "abc");

        metrics.info("app_info", "Application info", labels).set(1);

        assertThat(TestApp.linesOf(TestApp.exposition(registry), "app_info"))
                .containsExactly("app_info{commit=\"abc\",version=\"1.0.3\"} 1.0");
    }

    @Test
    void aFailedBuildRegistersNothing() {
        PrometheusRegistry registry = new PrometheusRegistry();

        assertThatIllegalArgumentException().isThrownBy(
                () -> PrometheusMetrics.builder().registry(registry).jvmMetrics(true).buckets(2, 1).build());

        assertThat(TestApp.exposition(registry)).isEmpty();
    }

    @Test
    void twoInstancesWithTheSamePrefixAndDifferentDefinitionsOnOneRegistryAreRefused() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.builder().registry(registry).build();

        assertThatThrownBy(() -> PrometheusMetrics.builder().registry(registry).buckets(0.1, 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultsPrefix 'jaxrs'")
                .hasMessageContaining("jaxrs_http_request_duration_seconds is already registered as Histogram(")
                .hasMessageContaining("buckets=[0.1, 1.0]");
    }

    @Test
    void aMetricOfTheUsersThatTakesADefaultMetricsNameIsReportedByName() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter.builder().name("jaxrs_http_request_total").labelNames("route").register(registry);

        assertThatThrownBy(() -> PrometheusMetrics.builder().registry(registry).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultsPrefix 'jaxrs'")
                .hasMessageContaining("jaxrs_http_request_total");
    }

    @Test
    void aClashOnALaterDefaultMetricLeavesNoEarlierOneRegistered() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter.builder().name("jaxrs_http_request_total").labelNames("route").register(registry);

        assertThatIllegalArgumentException().isThrownBy(() -> PrometheusMetrics.builder().registry(registry).build());

        // the duration histogram, registered before the clash, was taken back: a retry with it works
        PrometheusMetrics.builder().registry(registry).defaultsPrefix("api").build();
        Histogram.builder().name("jaxrs_http_request_duration_seconds").register(registry);
    }

    @Test
    void aMetricOfTheUsersThatTakesADefaultMetricsNameCanBeAvoidedWithAnotherPrefix() {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter.builder().name("jaxrs_http_request_total").labelNames("route").register(registry);

        PrometheusMetrics.builder().registry(registry).defaultsPrefix("api").build();

        assertThat(TestApp.exposition(registry)).contains("api_exporter_info{version=\"");
    }

    @Test
    void twoInstancesWithDifferentPrefixesShareARegistry() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.builder().registry(registry).defaultsPrefix("front").build();
        PrometheusMetrics.builder().registry(registry).defaultsPrefix("back").build();

        assertThat(TestApp.exposition(registry))
                .contains("front_exporter_info{version=\"")
                .contains("back_exporter_info{version=\"");
    }

    @Test
    void twoInstancesOnTwoRegistriesAreIndependent() {
        try (TestApp one = TestApp.start(ItemsResource.class); TestApp two = TestApp.start(ItemsResource.class)) {
            one.hit("/items", 3);
            two.hit("/items", 1);
            two.get("/items/7");

            assertThat(one.lines("jaxrs_http_request_duration_seconds_count")).containsExactly(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items\",status=\"200\"} 3");
            assertThat(two.lines("jaxrs_http_request_duration_seconds_count")).containsExactlyInAnyOrder(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items\",status=\"200\"} 1",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1");
            assertThat(one.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 3.0");
            assertThat(two.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 2.0");
        }
    }

    private static ThrowableAssertAlternative<IllegalArgumentException> assertRefused(
            UnaryOperator<PrometheusMetrics.Builder> settings) {
        return assertThatIllegalArgumentException().isThrownBy(
                () -> settings.apply(PrometheusMetrics.builder().registry(new PrometheusRegistry())).build());
    }
}
