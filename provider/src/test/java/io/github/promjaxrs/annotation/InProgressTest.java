package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-progress gauge rises while a request runs and returns after every outcome. */
class InProgressTest {

    private static final String GAUGE = "work_in_progress";

    /** Holds {@code /work/held} until released, so a test can look at the gauge mid-request. */
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    @Path("/work")
    @InProgress(name = GAUGE, help = "Requests in progress")
    public static class WorkResource {
        @GET
        @Path("ok")
        public String ok() {
            return "done";
        }

        @GET
        @Path("mapped")
        public String mapped() {
            throw new FailingResource.ConflictException();
        }

        @GET
        @Path("unmapped")
        public String unmapped() {
            throw new IllegalStateException("nobody maps this");
        }

        @GET
        @Path("async")
        public void async(@Suspended AsyncResponse response) {
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> response.resume("late"));
        }

        @GET
        @Path("timeout")
        public void timeout(@Suspended AsyncResponse response) {
            response.setTimeout(100, TimeUnit.MILLISECONDS); // never resumed: the runtime answers 503
        }

        @GET
        @Path("held")
        public String held() throws InterruptedException {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
            return "released";
        }
    }

    private static TestApp app() {
        return TestApp.start(WorkResource.class, FailingResource.ConflictMapper.class);
    }

    @Test
    void isOneWhileARequestRuns() throws Exception {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        try (TestApp app = app()) {
            CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> app.get("/work/held"));
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 1.0");

            release.countDown();
            assertThat(pending.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 0.0");
        }
    }

    @Test
    void returnsToZeroAfterSuccess() {
        try (TestApp app = app()) {
            app.get("/work/ok");

            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 0.0");
        }
    }

    @Test
    void returnsToZeroAfterAMappedException() {
        try (TestApp app = app()) {
            assertThat(app.get("/work/mapped").statusCode()).isEqualTo(409);

            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 0.0");
        }
    }

    @Test
    void returnsToZeroAfterAnUnmappedException() {
        try (TestApp app = app()) {
            assertThat(app.get("/work/unmapped").statusCode()).isEqualTo(500);

            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 0.0");
        }
    }

    @Test
    void returnsToZeroAfterAsyncCompletion() {
        try (TestApp app = app()) {
            assertThat(app.get("/work/async").body()).isEqualTo("late");

            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 0.0");
        }
    }

    @Test
    void returnsToZeroAfterAsyncTimeout() {
        try (TestApp app = app()) {
            assertThat(app.get("/work/timeout").statusCode()).isEqualTo(503);

            assertThat(app.lines(GAUGE)).containsExactly(GAUGE + " 0.0");
        }
    }

    @Test
    void returnsToZeroAfterTheClientDisconnects() throws Exception {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
        try (TestApp app = app()) {
            HttpClient impatient = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> abandoned = impatient.sendAsync(
                    HttpRequest.newBuilder(app.uri("/work/held")).timeout(Duration.ofMillis(200)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(abandoned).failsWithin(Duration.ofSeconds(20));

            release.countDown();

            assertThat(eventually(app, GAUGE + " 0.0")).isTrue();
        }
    }

    /** Polls for a line for at most 20 s: the server finishes the abandoned request on its own time. */
    private static boolean eventually(TestApp app, String line) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (app.lines(GAUGE).contains(line)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
