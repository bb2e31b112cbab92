package io.github.promjaxrs.examples.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void defaultsAreBounded() {
        LoadOptions options = LoadOptions.parse();
        assertThat(options.requests()).isEqualTo(2000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.target()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
        assertThat(options.flood()).isFalse();
        assertThat(LoadOptions.parse("--flood", "--requests", "5").flood()).isTrue();
    }

    @Test
    void targetsOnlyThisMachine() {
        assertThat(LoadOptions.parse("--target", "http://localhost:9000").target().getPort()).isEqualTo(9000);
        assertThat(LoadOptions.parse("--target", "http://127.0.0.2:9000/").target().getHost()).isEqualTo("127.0.0.2");
        assertThat(LoadOptions.parse("--target", "http://[::1]:9000").target().getHost()).isEqualTo("[::1]");
        for (String target : new String[] {"http://10.0.0.1:8080", "http://192.168.1.2", "http://example.com",
                "http://127.0.0.1.example.com", "http://[2001:db8::1]:8080", "https://127.0.0.1", "127.0.0.1:8080"}) {
            assertThatThrownBy(() -> LoadOptions.parse("--target", target))
                    .as(target).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--target:");
        }
    }

    @Test
    void capsRequestsAndSeconds() {
        assertThatThrownBy(() -> LoadOptions.parse("--requests", "100001")).hasMessageStartingWith("--requests:");
        assertThatThrownBy(() -> LoadOptions.parse("--seconds", "0")).hasMessageStartingWith("--seconds:");
        assertThatThrownBy(() -> LoadOptions.parse("--seconds")).hasMessage("--seconds: missing value");
        assertThatThrownBy(() -> LoadOptions.parse("--rps", "5")).hasMessage("unknown option --rps");
    }

    @Test
    void sendsExactlyTheRequestsAskedFor() throws InterruptedException {
        try (OrdersServer server = Main.start(Settings.loopback(0, new PrometheusRegistry()))) {
            LoadOptions options = LoadOptions.parse("--requests", "60", "--seconds", "60",
                    "--target", "http://127.0.0.1:" + server.port());
            Map<String, Long> outcomes = new LoadGenerator(options).send();
            assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
            assertThat(outcomes.keySet()).noneMatch(outcome -> outcome.startsWith("error"));
        }
    }

    @Test
    void aFloodOfUnmatchedPathsAddsOneSeries() throws InterruptedException {
        try (OrdersServer server = Main.start(Settings.loopback(0, new PrometheusRegistry()))) {
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
