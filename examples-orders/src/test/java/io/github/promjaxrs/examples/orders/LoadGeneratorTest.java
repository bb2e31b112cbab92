package io.github.promjaxrs.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The load generator against the service, on the runtime under test. */
@Tag(RuntimeUnderTest.TAG)
class LoadGeneratorTest {

    @Test
    void sendsExactlyTheRequestsAskedFor() throws InterruptedException {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            LoadOptions options = LoadOptions.parse("--requests", "60", "--seconds", "60",
                    "--target", "http://127.0.0.1:" + server.port());
            Map<String, Long> outcomes = new LoadGenerator(options).send();
            assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
            assertThat(outcomes.keySet()).noneMatch(outcome -> outcome.startsWith("error"));
        }
    }

    @Test
    void aFloodOfUnmatchedPathsAddsOneSeries() throws InterruptedException {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            LoadOptions options = LoadOptions.parse("--flood", "--requests", "200", "--seconds", "60",
                    "--target", "http://127.0.0.1:" + server.port());
            assertThat(new LoadGenerator(options).send()).isEqualTo(Map.of("404", 200L));

            List<String> metrics = TestHttp.metricLines(server.uri("/metrics"));
            assertThat(metrics).filteredOn(line -> line.startsWith("jaxrs_http_request_duration_seconds_count"))
                    .containsExactly("jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"UNMATCHED\","
                            + "service=\"orders\",status=\"404\"} 200");
            assertThat(metrics).noneMatch(line -> line.contains("/nope"));
        }
    }
}
