package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.promjaxrs.fixture.BearerTokenFilter;
import io.github.promjaxrs.fixture.Bodies;
import io.github.promjaxrs.fixture.ForbidAllFilter;
import io.github.promjaxrs.fixture.TestApp;
import io.github.promjaxrs.fixture.ThrowingCollector;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PrometheusMetrics#startHttpServer}: the registry on a port of its own. */
class MetricsServerTest {

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String PROTOBUF =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private PrometheusRegistry registry;
    private PrometheusMetrics metrics;

    @BeforeEach
    void metricsWithAnOrdersCounter() {
        registry = new PrometheusRegistry();
        metrics = PrometheusMetrics.builder().registry(registry).build();
        Counter orders = Counter.builder().name("orders_total").help("Orders placed").labelNames("shop")
                .register(registry);
        orders.labelValues("north").inc(3);
    }

    @Test
    void getPortIsTheBoundPort() throws IOException {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            assertThat(server.getPort()).isPositive();
            new Socket("127.0.0.1", server.getPort()).close();
        }
    }

    @Test
    void getServesTheRegistryInPrometheusText() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> scrape = send(request(server, "/metrics"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Type")).containsExactly(TEXT);
            assertThat(scrape.body()).isEqualTo(TestApp.exposition(registry))
                    .contains("orders_total{shop=\"north\"} 3.0\n")
                    .contains("jaxrs_exporter_info{version=\"");
        }
    }

    @Test
    void everyPathServesTheRegistry() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            assertThat(send(request(server, "/")).body()).contains("orders_total{shop=\"north\"} 3.0\n");
            assertThat(send(request(server, "/anything/else")).body()).contains("orders_total{shop=\"north\"} 3.0\n");
        }
    }

    @Test
    void openMetricsIsServedWhenAccepted() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> scrape = send(request(server, "/metrics")
                    .header("Accept", "application/openmetrics-text; version=1.0.0"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Type")).containsExactly(OPENMETRICS);
            assertThat(scrape.body()).contains("orders_total{shop=\"north\"} 3.0\n").endsWith("# EOF\n");
        }
    }

    @Test
    void protobufIsServedWhenAccepted() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<byte[]> scrape = sendForBytes(request(server, "/metrics").header("Accept",
                    "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Type")).containsExactly(PROTOBUF);
            assertThat(Bodies.metricFamilies(scrape.body()))
                    .anySatisfy(family -> {
                        assertThat(family.getName()).isEqualTo("orders_total");
                        assertThat(family.getMetric(0).getCounter().getValue()).isEqualTo(3.0);
                    });
        }
    }

    @Test
    void nameFilterReturnsOnlyTheNamedMetric() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> scrape = send(request(server, "/metrics?name%5B%5D=orders_total"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).isEqualTo("""
                    # HELP orders_total Orders placed
                    # TYPE orders_total counter
                    orders_total{shop="north"} 3.0
                    """);
        }
    }

    @Test
    void gzipIsUsedWhenAcceptEncodingAllowsIt() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<byte[]> scrape = sendForBytes(request(server, "/metrics").header("Accept-Encoding", "gzip"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Encoding")).containsExactly("gzip");
            assertThat(new String(Bodies.gunzip(scrape.body()), StandardCharsets.UTF_8))
                    .isEqualTo(TestApp.exposition(registry));
        }
    }

    @Test
    void debugTextIsReadableText() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> scrape = send(request(server, "/metrics?debug=openmetrics"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Type")).containsExactly("text/plain; charset=utf-8");
            assertThat(scrape.body()).contains("orders_total{shop=\"north\"} 3.0\n").endsWith("# EOF\n");
        }
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> get = send(request(server, "/metrics"));

            HttpResponse<String> head = send(request(server, "/metrics").method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().allValues("Content-Type")).containsExactly(TEXT);
            assertThat(head.headers().allValues("Content-Length"))
                    .containsExactly(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void headWithGzipAllowedHasNoBodyAndTheServerKeepsServing() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<byte[]> head = sendForBytes(request(server, "/metrics").header("Accept-Encoding", "gzip")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().allValues("Content-Type")).containsExactly(TEXT);
            assertThat(head.body()).isEmpty();
            assertThat(send(request(server, "/metrics")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeStopsTheServer() {
        MetricsServer server = metrics.startHttpServer("127.0.0.1", 0);
        int port = server.getPort();
        assertThat(send(request(server, "/metrics")).statusCode()).isEqualTo(200);

        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aCollectorThatThrowsGivesA500WithoutStackTrace() {
        registry.register(new ThrowingCollector());
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            for (HttpRequest.Builder scrape : List.of(
                    request(server, "/metrics"),
                    request(server, "/metrics").header("Accept", "application/openmetrics-text; version=1.0.0"),
                    request(server, "/metrics").header("Accept-Encoding", "gzip"),
                    request(server, "/metrics?debug=text"))) {
                HttpResponse<byte[]> failed = sendForBytes(scrape);

                assertThat(failed.statusCode()).isEqualTo(500);
                assertThat(Bodies.decoded(failed))
                        .doesNotContain("\tat ")
                        .doesNotContain("ScrapeFailure")
                        .doesNotContain("Exception")
                        .doesNotContain(ThrowingCollector.SECRET)
                        .doesNotContain("orders_total");
            }
        }
    }

    @Test
    void slowClientsCannotStopAScrape() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            try {
                for (int i = 0; i < 50; i++) {
                    Socket socket = new Socket();
                    stalled.add(socket);
                    socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write("GET /metr".getBytes(StandardCharsets.US_ASCII)); // and never the rest
                    out.flush();
                }

                HttpResponse<String> scrape = send(request(server, "/metrics")); // 10 s: liveness, not timing

                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.body()).contains("orders_total{shop=\"north\"} 3.0\n");
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void startHttpServerOnPortZeroListensOnAllInterfaces() {
        try (MetricsServer server = metrics.startHttpServer(0)) {
            assertThat(server.getPort()).isPositive();
            assertThat(send(request(server, "/metrics")).body()).contains("orders_total{shop=\"north\"} 3.0\n");
        }
    }

    private PrometheusMetrics guarded(ContainerRequestFilter guard) {
        PrometheusRegistry guardedRegistry = new PrometheusRegistry();
        Counter.builder().name("orders_total").register(guardedRegistry).inc();
        return PrometheusMetrics.builder().registry(guardedRegistry).metricsEndpointFilter(guard).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/metrics?debug=text", "/metrics?debug=openmetrics",
        "/metrics?debug=prometheus-protobuf", "/metrics?name[]=orders_total", "/anything"})
    void theEndpointFilterRefusesAScrapeWithoutCredentialsAndShowsNoMetricData(String path) {
        try (MetricsServer server = guarded(new BearerTokenFilter("secret")).startHttpServer("127.0.0.1", 0)) {
            for (String accept : new String[] {TEXT, OPENMETRICS, PROTOBUF}) {
                HttpResponse<byte[]> response = sendForBytes(request(server, path).header("Accept", accept)
                        .header("Accept-Encoding", "gzip"));

                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("unauthorized\n");
            }
        }
    }

    @Test
    void theEndpointFilterLetsAScrapeWithCredentialsThrough() {
        try (MetricsServer server = guarded(new BearerTokenFilter("secret")).startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> response = send(request(server, "/metrics")
                    .header("Authorization", "Bearer secret"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("orders_total 1.0");
        }
    }

    @Test
    void aForbiddingEndpointFilterAnswers403() {
        try (MetricsServer server = guarded(new ForbidAllFilter()).startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> response = send(request(server, "/metrics"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("orders_total");
        }
    }

    @Test
    void anEndpointFilterThatThrowsRefusesTheScrapeWithoutStackTrace() {
        ContainerRequestFilter broken = request -> {
            throw new IllegalStateException("token store down");
        };
        try (MetricsServer server = guarded(broken).startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> response = send(request(server, "/metrics"));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("orders_total").doesNotContain("token store down")
                    .doesNotContain("\tat ");
        }
    }

    private static HttpRequest.Builder request(MetricsServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
