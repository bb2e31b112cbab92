package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Under concurrent load and continuous scrapes, every request is counted exactly once. */
class ConcurrentRecordingTest {

    static final int THREADS = 8;
    static final int REQUESTS_PER_THREAD = 250;

    /** A sample line of the text format: name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? [-+0-9.eEInfNa]+");

    @Path("/load")
    public static class LoadResource {
        @GET
        @Path("{id}")
        @InProgress(name = "load_in_progress")
        public String get(@PathParam("id") String id) {
            return id;
        }
    }

    @Test
    void everyRequestIsCountedOnceWhileScrapesRunAndEveryScrapeIsWellFormed() throws Exception {
        try (TestApp app = TestApp.start(LoadResource.class)) {
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger scrapes = new AtomicInteger();
            List<String> malformed = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            try {
                Future<?> scraper = pool.submit(() -> {
                    while (loading.get()) {
                        HttpResponse<String> scrape = app.get("/metrics");
                        scrapes.incrementAndGet();
                        for (String line : scrape.body().split("\n")) {
                            if (!line.startsWith("#") && !SAMPLE.matcher(line).matches()) {
                                malformed.add(line);
                            }
                        }
                    }
                });
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    clients.add(pool.submit(() -> {
                        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                            app.get("/load/" + thread + "-" + i);
                        }
                    }));
                }
                for (Future<?> client : clients) {
                    client.get(120, TimeUnit.SECONDS);
                }
                loading.set(false);
                scraper.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            int requests = THREADS * REQUESTS_PER_THREAD;
            assertThat(malformed).isEmpty();
            assertThat(scrapes.get()).isPositive();
            assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).contains(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/load/{id}\",status=\"200\"} " + requests,
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/metrics\",status=\"200\"} " + scrapes.get());
            assertThat(app.lines("jaxrs_http_request_duration_seconds_bucket")).contains(
                    "jaxrs_http_request_duration_seconds_bucket{method=\"GET\",path=\"/load/{id}\",status=\"200\",le=\"+Inf\"} " + requests);
            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{method=\"GET\",status=\"200\"} " + (double) (requests + scrapes.get()));
            assertThat(app.lines("load_in_progress")).containsExactly("load_in_progress 0.0");
        }
    }
}
