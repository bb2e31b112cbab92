package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimedTest {

    @Path("/timed")
    public static class TimedResource {
        @GET
        @Path("histogram")
        @Timed(name = "export_seconds", help = "Export latency", buckets = {0.25, 60})
        public String histogram() {
            return "exported";
        }

        @GET
        @Path("default-buckets")
        @Timed(name = "default_bucket_seconds")
        public String defaultBuckets() {
            return "ok";
        }

        @GET
        @Path("summary")
        @Timed(name = "summary_seconds", kind = Timed.Kind.SUMMARY, quantiles = {0.5, 0.9})
        public String summary() {
            return "ok";
        }

        @GET
        @Path("async")
        @Timed(name = "async_seconds", buckets = {0.25, 60})
        public void async(@Suspended AsyncResponse response) {
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> response.resume("late"));
        }
    }

    @Test
    void histogramHasTheGivenBuckets() {
        try (TestApp app = TestApp.start(TimedResource.class)) {
            app.get("/timed/histogram");

            assertThat(app.lines("export_seconds_bucket")).containsExactly(
                    "export_seconds_bucket{le=\"0.25\"} 1",
                    "export_seconds_bucket{le=\"60.0\"} 1",
                    "export_seconds_bucket{le=\"+Inf\"} 1");
            assertThat(app.lines("export_seconds_count")).containsExactly("export_seconds_count 1");
        }
    }

    @Test
    void histogramWithoutBucketsUsesTheProviderBuckets() {
        try (TestApp app = TestApp.start(b -> b.buckets(0.5, 5), TimedResource.class)) {
            app.get("/timed/default-buckets");

            assertThat(app.lines("default_bucket_seconds_bucket")).containsExactly(
                    "default_bucket_seconds_bucket{le=\"0.5\"} 1",
                    "default_bucket_seconds_bucket{le=\"5.0\"} 1",
                    "default_bucket_seconds_bucket{le=\"+Inf\"} 1");
        }
    }

    @Test
    void summaryHasTheGivenQuantiles() {
        try (TestApp app = TestApp.start(TimedResource.class)) {
            app.get("/timed/summary");

            String exposition = app.exposition();
            assertThat(exposition).contains("# TYPE summary_seconds summary\n");
            assertThat(exposition).containsPattern("summary_seconds\\{quantile=\"0.5\"} \\d");
            assertThat(exposition).containsPattern("summary_seconds\\{quantile=\"0.9\"} \\d");
            assertThat(app.lines("summary_seconds_count")).containsExactly("summary_seconds_count 1");
        }
    }

    @Test
    void asyncMethodIsTimedUntilItResumes() {
        try (TestApp app = TestApp.start(TimedResource.class)) {
            app.get("/timed/async");

            // resumed 300 ms after the method returned: above the 0.25 s bound
            assertThat(app.lines("async_seconds_bucket")).containsExactly(
                    "async_seconds_bucket{le=\"0.25\"} 0",
                    "async_seconds_bucket{le=\"60.0\"} 1",
                    "async_seconds_bucket{le=\"+Inf\"} 1");
        }
    }
}
