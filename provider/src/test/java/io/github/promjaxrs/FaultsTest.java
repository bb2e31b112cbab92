package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Faults around a request leave the response as it would be without promjaxrs and the metrics consistent. */
class FaultsTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    public static class MapperFailure extends RuntimeException {
    }

    /** An exception mapper with a bug of its own. */
    public static class BrokenMapper implements ExceptionMapper<MapperFailure> {
        @Override
        public Response toResponse(MapperFailure exception) {
            throw new IllegalStateException("the mapper itself failed");
        }
    }

    @Path("/faults")
    public static class FaultyResource {
        @GET
        @Path("broken-mapper")
        public String brokenMapper() {
            throw new MapperFailure();
        }

        @GET
        @Path("cancelled")
        public void cancelled(@Suspended AsyncResponse response) {
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(response::cancel);
        }

        @GET
        @Path("stream")
        public StreamingOutput stream() {
            return out -> {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 2000; i++) { // 128 MiB: far more than a client that hangs up will read
                    out.write(chunk);
                    out.flush();
                }
            };
        }
    }

    private static Map<String, Object> headersButDate(HttpResponse<?> response) {
        Map<String, Object> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void exceptionMapperThatThrowsGivesTheSameResponseAsWithoutPromjaxrs() {
        HttpResponse<String> with;
        HttpResponse<String> without;
        try (TestApp app = TestApp.start(FaultyResource.class, BrokenMapper.class)) {
            with = app.get("/faults/broken-mapper");
        }
        try (TestApp app = TestApp.withoutMetrics(FaultyResource.class, BrokenMapper.class)) {
            without = app.get("/faults/broken-mapper");
        }

        assertThat(with.statusCode()).isEqualTo(without.statusCode()).isEqualTo(500);
        assertThat(with.body()).isEqualTo(without.body());
        assertThat(headersButDate(with)).isEqualTo(headersButDate(without));
    }

    @Test
    void exceptionMapperThatThrowsIsRecordedOnceWithStatus500() {
        try (TestApp app = TestApp.start(FaultyResource.class, BrokenMapper.class)) {
            app.get("/faults/broken-mapper");

            // the runtime answers the mapper's own failure with a 500 response of its making
            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/faults/broken-mapper\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"500\"} 1.0");
            // an application mapper was found: its own failure is not counted as an unmapped exception
            assertThat(app.lines("jaxrs_http_request_exceptions_total")).isEmpty();
        }
    }

    @Test
    void cancelledAsyncResponseIsRecordedWithItsStatus() {
        try (TestApp app = TestApp.start(FaultyResource.class)) {
            assertThat(app.get("/faults/cancelled").statusCode()).isEqualTo(503);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/faults/cancelled\",status=\"503\"} 1");
        }
    }

    @Test
    void clientThatHangsUpMidResponseIsRecordedOnce() throws Exception {
        try (TestApp app = TestApp.start(FaultyResource.class)) {
            try (Socket socket = new Socket("127.0.0.1", app.uri("/").getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write("GET /faults/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.readNBytes(1024)).hasSize(1024); // the response has started
            } // and the client is gone

            String line = COUNT + "{method=\"GET\",path=\"/faults/stream\",status=\"200\"} 1";
            for (int i = 0; i < 200 && !app.lines(COUNT).contains(line); i++) {
                Thread.sleep(50); // the server notices the hang-up on its next write
            }
            assertThat(app.lines(COUNT)).containsExactly(line);
            assertThat(app.get("/faults/cancelled").statusCode()).isEqualTo(503); // and it still serves
        }
    }
}
