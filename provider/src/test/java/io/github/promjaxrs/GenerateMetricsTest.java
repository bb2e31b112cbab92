package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS;
import static io.github.promjaxrs.fixture.ContentType.PROTOBUF;
import static io.github.promjaxrs.fixture.ContentType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.Bodies;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PrometheusMetrics#generateMetrics(String)}: the registry for an endpoint of the user's own. */
class GenerateMetricsTest {

    private PrometheusRegistry registry;
    private PrometheusMetrics metrics;

    @BeforeEach
    void metrics() {
        registry = new PrometheusRegistry();
        metrics = PrometheusMetrics.builder().registry(registry).build();
    }

    @Test
    void nullAcceptHeaderGivesPrometheusText() {
        GeneratedMetrics out = metrics.generateMetrics(null);

        assertThat(out.contentType()).isEqualTo(TEXT);
        assertThat(exporterInfoLine(text(out))).startsWith("jaxrs_exporter_info{version=\"").endsWith("\"} 1.0");
        assertThat(text(out)).doesNotContain("# EOF");
    }

    @Test
    void emptyAcceptHeaderGivesPrometheusText() {
        GeneratedMetrics out = metrics.generateMetrics("");

        assertThat(out.contentType()).isEqualTo(TEXT);
        assertThat(exporterInfoLine(text(out))).startsWith("jaxrs_exporter_info{version=\"").endsWith("\"} 1.0");
    }

    @Test
    void theExporterInfoCarriesTheLibraryVersion() {
        String version = exporterInfoLine(text(metrics.generateMetrics(null)))
                .replaceFirst("^jaxrs_exporter_info\\{version=\"(.*)\"} 1\\.0$", "$1");

        assertThat(version).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void theBodyIsTheWholeRegistry() {
        assertThat(text(metrics.generateMetrics(null))).isEqualTo(TestApp.exposition(registry));
    }

    @Test
    void anOpenMetricsAcceptHeaderGivesOpenMetrics() {
        GeneratedMetrics out = metrics.generateMetrics(OPENMETRICS);

        assertThat(out.contentType()).isEqualTo(OPENMETRICS);
        assertThat(text(out)).contains("jaxrs_exporter_info{version=\"").endsWith("# EOF\n");
    }

    @Test
    void aPrometheusScrapersAcceptHeaderGivesProtobuf() {
        GeneratedMetrics out = metrics.generateMetrics(
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,"
                        + "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1");

        assertThat(out.contentType()).isEqualTo(PROTOBUF);
        List<MetricFamily> families = Bodies.metricFamilies(out.body());
        assertThat(families).extracting(MetricFamily::getName).contains("jaxrs_exporter_info");
    }

    @Test
    void anAcceptHeaderAskingForNothingKnownGivesPrometheusText() {
        GeneratedMetrics out = metrics.generateMetrics("application/json");

        assertThat(out.contentType()).isEqualTo(TEXT);
        assertThat(text(out)).contains("jaxrs_exporter_info{version=\"");
    }

    private static String text(GeneratedMetrics out) {
        return new String(out.body(), StandardCharsets.UTF_8);
    }

    private static String exporterInfoLine(String exposition) {
        return TestApp.linesOf(exposition, "jaxrs_exporter_info").get(0);
    }
}
