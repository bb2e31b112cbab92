package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.ClientView;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Faults around a request leave the response as it would be without promjaxrs and the metrics consistent. */
class FaultsTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";
    private static final String TOTAL = "jaxrs_http_request_total";

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

    @Test
    void exceptionMapperThatThrowsGivesTheSameResponseAsWithoutPromjaxrs() {
        ClientView with = TestApp.start(FaultyResource.class, BrokenMapper.class).getAndStop("/faults/broken-mapper");
        ClientView without = TestApp.withoutMetrics(FaultyResource.class, BrokenMapper.class)
                .getAndStop("/faults/broken-mapper");

        assertThat(with).isEqualTo(without);
        assertThat(with.status()).isEqualTo(500);
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

    /** A bug of the kind no {@code catch (RuntimeException e)} sees. */
    public static class LabelBug extends Error {
        public LabelBug() {
            super("the label's own bug");
        }
    }

    /** A label value that always fails with an {@link Error}. */
    public static class ErrorLabel implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            throw new LabelBug();
        }
    }

    /** A label value that fails as a JVM out of memory does. */
    public static class OutOfMemoryLabel implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            throw new OutOfMemoryError("simulated: the label value could not be allocated");
        }
    }

    /** A label value that recurses without end. */
    public static class RecursiveLabel implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            return value(request, response);
        }
    }

    @Path("/labelled")
    public static class LabelledResource {
        @GET
        @Path("plain")
        public String plain() {
            return "the application's answer";
        }

        @GET
        @Path("counted")
        @Counted(name = "counted_calls", labels = @Label(name = "region", provider = ErrorLabel.class))
        public String counted() {
            return "the application's answer";
        }

        @GET
        @Path("in-progress")
        @InProgress(name = "working", labels = @Label(name = "region", provider = ErrorLabel.class))
        @Counted(name = "working_calls", labels = @Label(name = "region", provider = ErrorLabel.class))
        public String inProgress() {
            return "the application's answer";
        }

        @GET
        @Path("out-of-memory")
        @Counted(name = "oom_calls", labels = @Label(name = "region", provider = OutOfMemoryLabel.class))
        public String outOfMemory() {
            return "the application's answer";
        }

        @GET
        @Path("recursive")
        @Counted(name = "recursive_calls", labels = @Label(name = "region", provider = RecursiveLabel.class))
        public String recursive() {
            return "the application's answer";
        }
    }

    /** Sends {@code path} to an application with and without promjaxrs; asserts the client sees the same. */
    private static void assertSameResponseAsWithoutPromjaxrs(Consumer<PrometheusMetrics.Builder> settings,
                                                             String path) {
        ClientView with = TestApp.start(settings, LabelledResource.class).getAndStop(path);
        ClientView without = TestApp.withoutMetrics(LabelledResource.class).getAndStop(path);

        assertThat(with).isEqualTo(without);
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).isEqualTo("the application's answer");
    }

    @Test
    void anErrorFromADefaultLabelValueLeavesTheResponseAsTheApplicationGaveIt() {
        assertSameResponseAsWithoutPromjaxrs(b -> b.defaultLabel("region", new ErrorLabel()), "/labelled/plain");
    }

    @Test
    void anErrorFromACustomGroupingLeavesTheResponseAsTheApplicationGaveIt() {
        assertSameResponseAsWithoutPromjaxrs(b -> b.groupBy(GroupBy.custom("region", r -> {
            throw new LabelBug();
        })), "/labelled/plain");
    }

    @Test
    void anErrorFromALabelProviderLeavesTheResponseAsTheApplicationGaveIt() {
        assertSameResponseAsWithoutPromjaxrs(b -> { }, "/labelled/counted");
    }

    @Test
    void anErrorFromADefaultLabelValueIsRecordedAsError() {
        try (TestApp app = TestApp.start(b -> b.defaultLabel("region", new ErrorLabel()), LabelledResource.class)) {
            app.get("/labelled/plain");

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",path=\"/labelled/plain\",region=\"ERROR\",status=\"200\"} 1");
            assertThat(app.lines(TOTAL)).containsExactly(
                    TOTAL + "{method=\"GET\",region=\"ERROR\",status=\"200\"} 1.0");
        }
    }

    @Test
    void anErrorFromACustomGroupingIsRecordedAsError() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.custom("region", r -> {
                 throw new LabelBug();
             })), LabelledResource.class)) {
            app.get("/labelled/plain");

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",region=\"ERROR\",status=\"200\"} 1");
        }
    }

    @Test
    void anErrorFromALabelProviderIsRecordedAsError() {
        try (TestApp app = TestApp.start(LabelledResource.class)) {
            app.get("/labelled/counted");

            assertThat(app.lines("counted_calls_total")).containsExactly("counted_calls_total{region=\"ERROR\"} 1.0");
            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",path=\"/labelled/counted\",status=\"200\"} 1");
        }
    }

    @Test
    void anInProgressGaugeWhoseLabelFailsWithAnErrorComesBackDown() {
        try (TestApp app = TestApp.start(LabelledResource.class)) {
            assertThat(app.get("/labelled/in-progress").statusCode()).isEqualTo(200);

            assertThat(app.lines("working")).containsExactly("working{region=\"ERROR\"} 0.0");
            assertThat(app.lines("working_calls_total")).containsExactly("working_calls_total{region=\"ERROR\"} 1.0");
        }
    }

    @Test
    void theFirstFailureOfEachLabelSourceIsLoggedOnceWithItsStackTrace() {
        try (TestApp app = TestApp.start(b -> b.defaultLabel("region", new ErrorLabel()), LabelledResource.class)) {
            app.hit("/labelled/counted", 3);

            List<LogRecord> logged = CapturedLogs.records(Level.WARNING);
            assertThat(logged).hasSize(2).allSatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getThrown()).isInstanceOf(LabelBug.class);
            });
            assertThat(logged).extracting(LogRecord::getMessage).containsExactlyInAnyOrder(
                    "promjaxrs: defaultLabel \"region\" failed; recording the value 'ERROR' (logged once)",
                    "promjaxrs: label \"region\" of @Counted(name=\"counted_calls\") on LabelledResource.counted"
                            + " failed; recording the value 'ERROR' (logged once per metric)");
            // and nothing else: the runtime saw no failure
        }
    }

    @Test
    void aVirtualMachineErrorIsRethrownOnceTheRequestIsRecorded() {
        try (TestApp app = TestApp.start(LabelledResource.class)) {
            HttpResponse<String> response = app.get("/labelled/out-of-memory");

            // recorded first, with the status the response had then; the runtime answers what it was thrown
            assertThat(app.lines("oom_calls_total")).containsExactly("oom_calls_total{region=\"ERROR\"} 1.0");
            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",path=\"/labelled/out-of-memory\",status=\"200\"} 1");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(CapturedLogs.records(Level.ALL)).anySatisfy(record -> assertThat(causes(record.getThrown()))
                    .anySatisfy(cause -> assertThat(cause).isInstanceOf(OutOfMemoryError.class)
                            .hasMessageStartingWith("simulated")));
        }
    }

    @Test
    void aStackOverflowInALabelValueIsNotRethrown() {
        try (TestApp app = TestApp.start(LabelledResource.class)) {
            HttpResponse<String> response = app.get("/labelled/recursive");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("the application's answer");
            assertThat(app.lines("recursive_calls_total")).containsExactly("recursive_calls_total{region=\"ERROR\"} 1.0");
            assertThat(CapturedLogs.records(Level.WARNING)).singleElement()
                    .satisfies(record -> assertThat(record.getThrown()).isInstanceOf(StackOverflowError.class));
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = thrown; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
