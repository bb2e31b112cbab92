package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What clients send cannot grow the series count: it stays the number the application defines. */
class FloodTest {

    static final int THREADS = 4;
    static final int REQUESTS_PER_THREAD = 5000;

    @Test
    void twentyThousandHostileRequestsLeaveEightSeries() throws Exception {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    clients.add(pool.submit(() -> {
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            String random = UUID.randomUUID().toString();
                            switch (i % 4) {
                                case 0 -> app.get("/" + random + "/" + i);
                                case 1 -> inventedMethod(app, "X" + random.substring(0, 8).toUpperCase(), "/items/1");
                                case 2 -> app.get("/items?" + random + "=" + i);
                                default -> app.send(HttpRequest.newBuilder(app.uri("/items/" + (i % 7)))
                                        .header("X-" + random.substring(0, 6), random));
                            }
                        }
                    }));
                }
                for (Future<?> client : clients) {
                    client.get(300, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            String exposition = app.exposition();
            assertThat(TestApp.linesOf(exposition, "jaxrs_http_request_duration_seconds_count")).containsExactlyInAnyOrder(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 5000",
                    "jaxrs_http_request_duration_seconds_count{method=\"_OTHER\",path=\"UNMATCHED\",status=\"405\"} 5000",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items\",status=\"200\"} 5000",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 5000");
            assertThat(TestApp.linesOf(exposition, "jaxrs_http_request_total")).containsExactlyInAnyOrder(
                    "jaxrs_http_request_total{method=\"GET\",status=\"404\"} 5000.0",
                    "jaxrs_http_request_total{method=\"_OTHER\",status=\"405\"} 5000.0",
                    "jaxrs_http_request_total{method=\"GET\",status=\"200\"} 10000.0");
            assertThat(TestApp.linesOf(exposition, "jaxrs_exporter_info")).hasSize(1);
            // 4 latency series, 3 request counters, 1 info gauge: nothing the clients sent added one
            long series = exposition.lines().filter(l -> l.startsWith("jaxrs_") && !l.contains("_bucket{")
                    && !l.contains("_sum{")).count();
            assertThat(series).isEqualTo(8);
        }
    }

    /**
     * One request on a connection of its own, closed after the response: the JDK client, told to
     * retry methods it does not know (see the parent pom), could send one twice when a server
     * closes a connection after answering, and the count above would then be off by one.
     */
    private static void inventedMethod(TestApp app, String method, String path) {
        URI uri = app.uri(path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write((method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + ":" + uri.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 405");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
