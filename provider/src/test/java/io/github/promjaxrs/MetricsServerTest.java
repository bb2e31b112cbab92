package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.DEBUG_TEXT;
import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS;
import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS_ACCEPT;
import static io.github.promjaxrs.fixture.ContentType.PROTOBUF;
import static io.github.promjaxrs.fixture.ContentType.PROTOBUF_ACCEPT;
import static io.github.promjaxrs.fixture.ContentType.TEXT;
import static io.github.promjaxrs.fixture.Http.send;
import static io.github.promjaxrs.fixture.Http.sendForBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.promjaxrs.fixture.BearerTokenFilter;
import io.github.promjaxrs.fixture.Bodies;
import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.ForbidAllFilter;
import io.github.promjaxrs.fixture.RawHttp;
import io.github.promjaxrs.fixture.TestApp;
import io.github.promjaxrs.fixture.TestRuntime;
import io.github.promjaxrs.fixture.ThrowingCollector;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PrometheusMetrics#startHttpServer}: the registry on a port of its own. */
class MetricsServerTest {

    private static final String ORDERS_ONLY = "\r\n\r\n# HELP orders_total Orders placed\n"
            + "# TYPE orders_total counter\norders_total{shop=\"north\"} 3.0\n";

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
                    .header("Accept", OPENMETRICS_ACCEPT));

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().allValues("Content-Type")).containsExactly(OPENMETRICS);
            assertThat(scrape.body()).contains("orders_total{shop=\"north\"} 3.0\n").endsWith("# EOF\n");
        }
    }

    @Test
    void protobufIsServedWhenAccepted() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<byte[]> scrape = sendForBytes(request(server, "/metrics").header("Accept", PROTOBUF_ACCEPT));

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
            assertThat(scrape.headers().allValues("Content-Type")).containsExactly(DEBUG_TEXT);
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
                    request(server, "/metrics").header("Accept", OPENMETRICS_ACCEPT),
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
            assertThat(CapturedLogs.records(Level.WARNING)).hasSize(4).allSatisfy(record -> assertThat(record.getThrown())
                    .isInstanceOf(ThrowingCollector.ScrapeFailure.class));
        }
    }

    @Test
    void slowClientsCannotStopAScrape() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            try {
                for (int i = 0; i < 50; i++) {
                    Socket socket = RawHttp.connect(server.getPort());
                    stalled.add(socket);
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
        IllegalStateException failure = new IllegalStateException("token store down");
        ContainerRequestFilter broken = request -> {
            throw failure;
        };
        try (MetricsServer server = guarded(broken).startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> response = send(request(server, "/metrics"));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("An error occurred while checking the request\n");
            assertThat(CapturedLogs.records(Level.WARNING)).extracting(LogRecord::getThrown).containsExactly(failure);
        }
    }

    @Test
    void anEndpointFilterThatThrowsAnErrorRefusesTheScrapeAndTheServerKeepsServing() {
        AssertionError failure = new AssertionError("guard broke");
        boolean[] broken = {true};
        ContainerRequestFilter guard = request -> {
            if (broken[0]) {
                throw failure;
            }
        };
        try (MetricsServer server = guarded(guard).startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> refused = send(request(server, "/metrics"));
            broken[0] = false;
            HttpResponse<String> next = send(request(server, "/metrics"));

            assertThat(refused.statusCode()).isEqualTo(500);
            assertThat(refused.body()).isEqualTo("An error occurred while checking the request\n");
            assertThat(CapturedLogs.records(Level.WARNING)).extracting(LogRecord::getThrown).containsExactly(failure);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).contains("orders_total 1.0\n");
        }
    }

    @Test
    void aCollectorThatThrowsAnErrorGivesA500AndTheServerKeepsServing() {
        AssertionError failure = new AssertionError("collector broke");
        Collector broken = () -> {
            throw failure;
        };
        registry.register(broken);
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> failed = send(request(server, "/metrics"));
            registry.unregister(broken);
            HttpResponse<String> next = send(request(server, "/metrics"));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("An error occurred while scraping metrics\n");
            assertThat(CapturedLogs.records(Level.WARNING)).extracting(LogRecord::getThrown).containsExactly(failure);
            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body()).isEqualTo(TestApp.exposition(registry));
        }
    }

    // ---- malformed and oversized requests ----

    @Test
    void moreThan1024QueryParametersGetA400() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> response = send(request(server, "/metrics?" + "a=1&".repeat(1025)));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("Invalid query string: Too many query parameters: 1025 (max 1024)\n");
            assertThat(CapturedLogs.messages()).isEmpty();
        }
    }

    @Test
    void badPercentEncodingInTheQueryGetsA400() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics?name[]=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("\r\n\r\nMalformed request target (characters or percent-encoding)\n");
        }
    }

    @Test
    void aMalformedRequestLineGetsA400AndTheConnectionCloses() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close\r\n")
                    .endsWith("\r\n\r\nMalformed request line\n");
        }
    }

    @Test
    void anUnknownHttpVersionGetsA505() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics HTTP/2.0\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n")
                    .endsWith("\r\n\r\nOnly HTTP/1.0 and HTTP/1.1 are served\n");
        }
    }

    @Test
    void headersLargerThan16KiBGetA431() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics HTTP/1.1\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
                    .endsWith("\r\n\r\nRequest header fields too large (max 16384 bytes)\n");
        }
    }

    @Test
    void moreThan100HeaderFieldsGetA431() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics HTTP/1.1\r\n" + "X-A: 1\r\n".repeat(101) + "\r\n");

            assertThat(answer).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n")
                    .endsWith("\r\n\r\nToo many header fields (max 100)\n");
        }
    }

    @Test
    void aRequestWithABodyGetsA413AndTheConnectionCloses() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics HTTP/1.1\r\nContent-Length: 1000000000\r\n\r\nxxxx");

            assertThat(answer).startsWith("HTTP/1.1 413 Request Entity Too Large\r\n")
                    .contains("Connection: close\r\n").endsWith("\r\n\r\nA scrape request has no body\n");
        }
    }

    @Test
    void postIsMethodNotAllowed() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            HttpResponse<String> response = send(request(server, "/metrics")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().allValues("Allow")).containsExactly("GET, HEAD");
            assertThat(response.body()).isEqualTo("Only GET and HEAD are served\n");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics?debug=nonsense HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /metrics?name[]=orders_total HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("\r\n\r\n" + "Unknown debug format; use debug=openmetrics, debug=text or "
                            + "debug=prometheus-protobuf\n" + "HTTP/1.1 200 OK\r\n")
                    .endsWith(ORDERS_ONLY);
        }
    }

    @Test
    void http10GetsItsAnswerAndTheConnectionCloses() {
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0)) {
            String answer = RawHttp.exchange(server.getPort(), "GET /metrics?name[]=orders_total HTTP/1.0\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close\r\n")
                    .endsWith(ORDERS_ONLY);
        }
    }

    // ---- bounded threads whatever clients do ----

    @Test
    void idleAndSlowConnectionsMakeNoThreadsAndAScrapeIsStillAnswered() throws IOException {
        holdConnectionsAndScrape(200, 50);
    }

    /** The figures of the issue; in the provider module only, as the runtime modules would repeat it. */
    @Test
    void twoThousandIdleAndThreeHundredSlowConnectionsMakeNoThreadsAndAScrapeIsStillAnswered() throws IOException {
        assumeTrue(System.getProperty(TestRuntime.PROPERTY) == null, "runs in the provider module only");
        assumeTrue(freeFileDescriptors() > 2 * 2_300 + 500, "needs about 5,000 free file descriptors");
        holdConnectionsAndScrape(2_000, 300);
    }

    /**
     * Opens {@code idle} connections that send nothing and {@code slow} that send a request a byte at a
     * time, never finishing it; scrapes while they are open; and checks the threads before, during and
     * after {@code close()}.
     */
    private void holdConnectionsAndScrape(int idle, int slow) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        MetricsServer server = metrics.startHttpServer("127.0.0.1", 0);
        try {
            for (int i = 0; i < idle + slow; i++) {
                sockets.add(RawHttp.connect(server.getPort()));
            }
            byte[] start = "GET /metrics HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int round = 0; round < start.length; round++) {
                for (Socket socket : sockets.subList(idle, idle + slow)) {
                    socket.getOutputStream().write(start[round]); // a byte at a time, and never the end
                }
            }
            int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();

            HttpResponse<String> scrape = send(request(server, "/metrics")); // 10 s: liveness, not timing

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).isEqualTo(TestApp.exposition(registry));
            // the selector thread and at most 4 scrape threads, and room for the test's HTTP client
            assertThat(threadsDuring - threadsBefore).isLessThanOrEqualTo(10);
            assertThat(serverThreads()).hasSizeBetween(1, 5);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            server.close();
        }
        assertThat(serverThreads()).isEmpty();
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 5);
    }

    @Test
    void closeEndsEveryThreadOfTheServer() {
        MetricsServer server = metrics.startHttpServer("127.0.0.1", 0);
        for (int i = 0; i < 8; i++) {
            assertThat(send(request(server, "/metrics")).statusCode()).isEqualTo(200);
        }
        assertThat(serverThreads()).isNotEmpty();

        server.close();

        assertThat(serverThreads()).isEmpty();
    }

    private static List<String> serverThreads() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(ThreadInfo::getThreadName)
                .filter(name -> name.startsWith("promjaxrs-metrics-server-"))
                .toList();
    }

    private static long freeFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
        }
        return 0;
    }

    private static HttpRequest.Builder request(MetricsServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10));
    }
}
