package io.github.promjaxrs.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.RawHttp;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The separate port's deadlines and connection cap, with short limits so that a test need not
 * wait ten seconds: each asserts that the server closes the connection (the client reads the
 * end of the stream within a generous 10 s), never how fast.
 */
class PortServerLimitsTest {

    private static final String SCRAPE = "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    private PrometheusRegistry registry;

    @BeforeEach
    void registryWithACounter() {
        registry = new PrometheusRegistry();
        Counter.builder().name("orders_total").register(registry).inc();
    }

    @Test
    void aHeadNotCompleteWithinItsDeadlineIsClosedAndTheServerKeepsServing() throws IOException {
        try (PortServer server = start(new PortServer.Limits(1024, 200, 60_000, 60_000));
             Socket slow = RawHttp.connect(server.getPort())) {
            slow.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));

            assertThat(slow.getInputStream().read()).isEqualTo(-1);
            assertThat(RawHttp.exchange(server.getPort(), SCRAPE)).startsWith("HTTP/1.1 200 OK\r\n").endsWith("orders_total 1.0\n");
        }
    }

    @Test
    void aConnectionIdleBeyondItsTimeoutIsClosed() throws IOException {
        try (PortServer server = start(new PortServer.Limits(1024, 60_000, 200, 60_000));
             Socket idle = RawHttp.connect(server.getPort())) {
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aConnectionIdleAfterAnAnswerIsClosedAfterItsTimeout() throws IOException {
        try (PortServer server = start(new PortServer.Limits(1024, 60_000, 200, 60_000));
             Socket client = RawHttp.connect(server.getPort())) {
            client.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("Connection: close")
                    .endsWith("orders_total 1.0\n");
        }
    }

    @Test
    void beyondTheConnectionCapTheConnectionWaitingLongestIsClosed() throws IOException {
        List<Socket> waiting = new ArrayList<>();
        try (PortServer server = start(new PortServer.Limits(3, 60_000, 60_000, 60_000))) {
            for (int i = 0; i < 3; i++) {
                waiting.add(RawHttp.connect(server.getPort())); // accepted in the order connected: the first waits longest
            }
            String scrape = RawHttp.exchange(server.getPort(), SCRAPE);

            assertThat(scrape).startsWith("HTTP/1.1 200 OK\r\n").endsWith("orders_total 1.0\n");
            assertThat(waiting.get(0).getInputStream().read()).isEqualTo(-1);
        } finally {
            for (Socket socket : waiting) {
                socket.close();
            }
        }
    }

    private PortServer start(PortServer.Limits limits) throws IOException {
        return PortServer.start(registry, "127.0.0.1", 0, null, limits);
    }
}
