package io.github.promjaxrs.examples.orders;

import static io.github.promjaxrs.examples.orders.TestHttp.get;
import static io.github.promjaxrs.examples.orders.TestHttp.metricLines;
import static io.github.promjaxrs.examples.orders.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example as a user runs it: started as {@code java -jar} starts it, on the runtime under
 * test ({@link RuntimeUnderTest}), on 127.0.0.1 and a free port, called over HTTP, its metrics read from its own {@code /metrics}. Each test has a
 * registry of its own (the real service uses the default one), so tests cannot see each other.
 */
@Tag(RuntimeUnderTest.TAG)
class OrdersServiceTest {

    @Test
    void withMetricsOffServesOrdersAndNoMetrics() {
        Settings off = Settings.loopback(0, new PrometheusRegistry()).withMetrics(Settings.Metrics.OFF);
        try (OrdersServer server = RuntimeUnderTest.start(off)) {
            assertThat(get(server.uri("/orders/1")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri("/metrics")).statusCode()).isEqualTo(404);
            assertThat(server.describe()).endsWith(" - metrics off");
        }
    }

    @Test
    void withDefaultMetricsRecordsRequestsWithoutTheExamplesSetUp() {
        Settings defaults = Settings.loopback(0, new PrometheusRegistry()).withMetrics(Settings.Metrics.DEFAULTS);
        try (OrdersServer server = RuntimeUnderTest.start(defaults)) {
            assertThat(get(server.uri("/orders/1")).statusCode()).isEqualTo(200);

            List<String> metrics = metricLines(server.uri("/metrics"));
            assertThat(metrics).contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/orders/{id}\",status=\"200\"} 1");
            // the resources' own annotations still apply; the builder's set-up (OrdersMetrics) does not
            assertThat(metrics).noneMatch(line -> line.contains("service=\"orders\"")
                    || line.startsWith("orders_requests_by_client") || line.startsWith("orders_app_info"));
        }
    }

    @Test
    void servesTheIndexAndAnOrderAndCountsThemOnMetrics() {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            assertThat(server.port()).isPositive();

            HttpResponse<String> index = get(server.uri("/"));
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).startsWith("orders: a promjaxrs example on " + RuntimeUnderTest.name() + "\n")
                    .contains("GET  /orders/{id}/lines/{line}");
            HttpResponse<String> order = get(server.uri("/orders/1"));
            assertThat(order.statusCode()).isEqualTo(200);
            assertThat(order.body()).isEqualTo("order 1 PENDING: 2 x widget, 1 x gadget\n");

            List<String> metrics = metricLines(server.uri("/metrics"));
            // the scrape itself is recorded once it has answered, so it is not in its own body
            assertThat(metrics).contains(
                    "jaxrs_http_request_total{method=\"GET\",service=\"orders\",status=\"200\"} 2.0",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/\",service=\"orders\",status=\"200\"} 1",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/orders/{id}\",service=\"orders\","
                            + "status=\"200\"} 1",
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/orders/{id}\",service=\"orders\","
                            + "status=\"200\",le=\"+Inf\"} 1",
                    "orders_app_info{version=\"dev\"} 1.0");
            assertThat(metrics).anyMatch(line -> line.matches("jaxrs_exporter_info\\{version=\"[^\"]+\"} 1\\.0"));
            assertThat(metrics).noneMatch(line -> line.startsWith("jaxrs_http_request_exceptions_total{"));
        }
    }

    @Test
    void labelsLocatorsAsyncAndFailuresByTemplateAndLeavesProbesOut() {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            assertThat(get(server.uri("/orders/1/lines/2")).body()).isEqualTo("order 1 line 2: 1 x gadget\n");
            assertThat(get(server.uri("/orders/1/shipping")).body()).isEqualTo("order 1 ships in 2 days\n");
            assertThat(post(server.uri("/orders/2/cancel")).statusCode()).isEqualTo(409);
            assertThat(get(server.uri("/orders/1/invoice")).statusCode()).isEqualTo(500);
            assertThat(get(server.uri("/no-such-page/42")).statusCode()).isEqualTo(404);
            assertThat(get(server.uri("/health")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri("/ready")).statusCode()).isEqualTo(200);

            List<String> metrics = metricLines(server.uri("/metrics"));
            assertThat(metrics).contains(
                    count("GET", "/orders/{id}/lines/{line}", "200", 1),
                    count("GET", "/orders/{id}/shipping", "200", 1),
                    count("POST", "/orders/{id}/cancel", "409", 1),
                    count("GET", "/orders/{id}/invoice", "500", 1),
                    count("GET", "UNMATCHED", "404", 1),
                    // the unmapped exception counts; the mapped one (409) does not
                    "jaxrs_http_request_exceptions_total{method=\"GET\",service=\"orders\",status=\"500\"} 1.0");
            assertThat(metrics).filteredOn(line -> line.startsWith("jaxrs_http_request_exceptions_total{"))
                    .hasSize(1);
            // timed until the CompletionStage completed: the simulated carrier takes at least 20 ms
            assertThat(metrics).filteredOn(line -> line.startsWith(
                            "jaxrs_http_request_duration_seconds_sum{method=\"GET\",path=\"/orders/{id}/shipping\""))
                    .singleElement()
                    .satisfies(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                            .isGreaterThanOrEqualTo(0.020));
            assertThat(metrics).noneMatch(line -> line.contains("/health") || line.contains("/ready")
                    || line.contains("no-such-page"));
        }
    }

    @Test
    void aTokenGuardsTheMetricsEndpointAndNothingElse() {
        Settings settings = Settings.loopback(0, new PrometheusRegistry()).withMetricsToken("s3cret");
        try (OrdersServer server = RuntimeUnderTest.start(settings)) {
            HttpResponse<String> anonymous = get(server.uri("/metrics"));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
            assertThat(anonymous.body()).doesNotContain("jaxrs_");
            assertThat(get(server.uri("/metrics"), "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(get(server.uri("/metrics"), "Authorization", "Basic czNjcmV0").statusCode()).isEqualTo(401);
            assertThat(get(server.uri("/orders")).statusCode()).isEqualTo(200);

            List<String> metrics = metricLines(server.uri("/metrics"), "Authorization", "Bearer s3cret");
            assertThat(metrics).contains(
                    count("GET", "/metrics", "401", 3),
                    "jaxrs_http_request_total{method=\"GET\",service=\"orders\",status=\"401\"} 3.0",
                    "jaxrs_http_request_total{method=\"GET\",service=\"orders\",status=\"200\"} 1.0");
        }
    }

    @Test
    void servesTheSameMetricsOnASeparatePortWhenAsked() {
        Settings settings = Settings.loopback(0, new PrometheusRegistry()).withMetricsPort(0);
        URI separate;
        try (OrdersServer server = RuntimeUnderTest.start(settings)) {
            assertThat(server.metricsPort()).isPresent();
            assertThat(server.metricsPort().getAsInt()).isNotEqualTo(server.port());
            get(server.uri("/orders/3"));

            separate = URI.create("http://127.0.0.1:" + server.metricsPort().getAsInt() + "/metrics");
            assertThat(server.describe()).isEqualTo("orders listening on " + server.uri("/")
                    + " - metrics at " + server.uri("/metrics") + " and at " + separate);
            assertThat(metricLines(separate)).contains(count("GET", "/orders/{id}", "200", 1));
        }
        assertThatThrownBy(() -> get(separate)).isInstanceOf(UncheckedIOException.class);
    }

    /** The exposition line of the latency histogram's count for one series. */
    private static String count(String method, String path, String status, int count) {
        return "jaxrs_http_request_duration_seconds_count{method=\"" + method + "\",path=\"" + path
                + "\",service=\"orders\",status=\"" + status + "\"} " + count;
    }
}
