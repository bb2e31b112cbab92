package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS_ACCEPT;
import static io.github.promjaxrs.fixture.ContentType.PROTOBUF_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.promjaxrs.fixture.Bodies;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.LabelPair;
import java.io.File;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Label values a client can steer (through a per-request label) survive every format exactly:
 * escaped where the text formats require it, untouched in protobuf.
 */
class HostileLabelValuesTest {

    static final List<String> HOSTILE = List.of(
            "quote\"inside",
            "back\\slash",
            "new\nline",
            "}=,{ looks like labels",
            "na\u00efve \u2603 \u65e5\u672c",
            "x".repeat(8192));

    private static TestApp appWithHostileLabels() {
        // the value is chosen by the request; a header cannot carry a newline, so it carries an index.
        // The limit lets the longest value through whole: cutting is LabelValueLengthTest's
        TestApp app = TestApp.start(b -> b.maxLabelValueLength(8192).defaultLabel("client",
                (req, resp) -> req.getHeaderString("X-Case") == null ? "scrape"
                        : HOSTILE.get(Integer.parseInt(req.getHeaderString("X-Case")))), ItemsResource.class);
        for (int i = 0; i < HOSTILE.size(); i++) {
            app.send(HttpRequest.newBuilder(app.uri("/items")).header("X-Case", Integer.toString(i)));
        }
        return app;
    }

    /** The text formats' escaping: backslash, double quote and line feed. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Test
    void textFormatEscapesEachValueExactly() {
        try (TestApp app = appWithHostileLabels()) {
            String text = app.get("/metrics?name[]=jaxrs_http_request_total").body();

            for (String value : HOSTILE) {
                assertThat(text).contains("jaxrs_http_request_total{client=\"" + escaped(value)
                        + "\",method=\"GET\",status=\"200\"} 1.0\n");
            }
        }
    }

    @Test
    void openMetricsEscapesEachValueExactly() {
        try (TestApp app = appWithHostileLabels()) {
            String openMetrics = app.send(HttpRequest.newBuilder(app.uri("/metrics?name[]=jaxrs_http_request_total"))
                    .header("Accept", OPENMETRICS_ACCEPT)).body();

            for (String value : HOSTILE) {
                assertThat(openMetrics).contains("jaxrs_http_request_total{client=\"" + escaped(value)
                        + "\",method=\"GET\",status=\"200\"} 1.0\n");
            }
        }
    }

    @Test
    void protobufCarriesEachValueUnchanged() {
        try (TestApp app = appWithHostileLabels()) {
            byte[] body = app.sendForBytes(HttpRequest.newBuilder(app.uri("/metrics?name[]=jaxrs_http_request_total"))
                    .header("Accept", PROTOBUF_ACCEPT)).body();

            List<String> clients = Bodies.metricFamilies(body).stream()
                    .filter(family -> family.getName().equals("jaxrs_http_request_total"))
                    .flatMap(family -> family.getMetricList().stream())
                    .flatMap(metric -> metric.getLabelList().stream())
                    .filter(label -> label.getName().equals("client"))
                    .map(LabelPair::getValue)
                    .collect(Collectors.toList());
            assertThat(clients).containsExactlyInAnyOrderElementsOf(HOSTILE);
        }
    }

    @Test
    void promtoolAcceptsTheTextScrape() throws Exception {
        Path promtool = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(promtool != null, "promtool is not installed (.ci/run installs Debian's prometheus package)");
        try (TestApp app = appWithHostileLabels()) {
            Path scrape = Files.createTempFile("hostile", ".prom");
            try {
                Files.writeString(scrape, app.get("/metrics").body());
                Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                        .redirectInput(scrape.toFile()).redirectErrorStream(true).start();
                assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String findings = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(check.exitValue()).as(findings).isZero();
            } finally {
                Files.delete(scrape);
            }
        }
    }
}
