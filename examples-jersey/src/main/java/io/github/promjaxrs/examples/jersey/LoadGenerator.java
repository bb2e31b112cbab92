package io.github.promjaxrs.examples.jersey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a bounded mix of requests to a running orders service, so its metrics have something
 * to show: most statuses, a locator, async and slow calls, a mapped and an unmapped exception,
 * unmatched paths and an invented method. It stops after {@code --requests} requests or
 * {@code --seconds} seconds, whichever comes first, and only targets loopback addresses.
 */
final class LoadGenerator {

    private static final int CONCURRENCY = 8;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final LoadOptions options;
    private final String token = System.getenv("METRICS_TOKEN");
    private final Random random = new Random();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    /** Runs from the command line; returns the exit code: 0 if the service answered, 1 if not, 2 for bad options. */
    static int run(String... args) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.err.println("usage: --load [--requests N] [--seconds S] [--target http://127.0.0.1:8080]");
            return 2;
        }
        System.out.println("load: up to " + options.requests() + " requests in at most "
                + options.duration().toSeconds() + " s against " + options.target());
        LoadGenerator generator = new LoadGenerator(options);
        String unreachable = generator.probe();
        if (unreachable != null) {
            System.err.println("load: cannot reach " + options.target() + ": " + unreachable
                    + " (start the service first, or pass --target)");
            return 1;
        }
        Map<String, Long> outcomes = generator.send();
        System.out.println("load: done: " + outcomes);
        return outcomes.keySet().stream().anyMatch(outcome -> !outcome.startsWith("error")) ? 0 : 1;
    }

    /** One GET of the index before the run: the reason the service cannot be reached, or null. */
    String probe() throws InterruptedException {
        try {
            client.send(get("/"), HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Sends the requests, {@link #CONCURRENCY} at a time, and counts the outcomes by status. */
    Map<String, Long> send() throws InterruptedException {
        Semaphore inFlight = new Semaphore(CONCURRENCY);
        long deadline = System.nanoTime() + options.duration().toNanos();
        for (int sent = 0; sent < options.requests() && System.nanoTime() < deadline; sent++) {
            if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            client.sendAsync(nextRequest(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        count(response != null ? Integer.toString(response.statusCode())
                                : "error " + cause.getClass().getSimpleName());
                        inFlight.release();
                    });
        }
        // every request has its own timeout, so this wait is bounded too
        inFlight.tryAcquire(CONCURRENCY, REQUEST_TIMEOUT.plusSeconds(5).toSeconds(), TimeUnit.SECONDS);
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counted.put(outcome, count.sum()));
        return counted;
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** One request of the mix; the weights are percentages. */
    private HttpRequest nextRequest() {
        int dice = random.nextInt(100);
        int order = 1 + random.nextInt(6); // orders 1-3 exist at start; later ones only once created
        if (dice < 5) {
            return get("/");
        } else if (dice < 20) {
            return get("/orders");
        } else if (dice < 40) {
            return get("/orders/" + order);
        } else if (dice < 48) {
            int quantity = random.nextInt(6); // 0 is refused with 400
            return request("/orders").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("item=widget&quantity=" + quantity)).build();
        } else if (dice < 57) {
            return get("/orders/" + order + "/lines/" + (1 + random.nextInt(3)));
        } else if (dice < 65) {
            return get("/orders/" + order + "/shipping");
        } else if (dice < 70) {
            return request("/orders/" + (1 + random.nextInt(8)) + "/cancel")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
        } else if (dice < 73) {
            return get("/orders/" + order + "/invoice");
        } else if (dice < 75) {
            return get("/reports/daily");
        } else if (dice < 82) {
            return get("/health");
        } else if (dice < 86) {
            return get("/ready");
        } else if (dice < 92) {
            return get("/no-such-page/" + random.nextInt(1000)); // unmatched: one series, whatever the path
        } else if (dice < 94) {
            return request("/orders").DELETE().build(); // 405
        } else if (dice < 96) {
            return request("/orders").method("BREW", HttpRequest.BodyPublishers.noBody()).build(); // method _OTHER
        } else if (dice < 98) {
            return get("/orders/not-a-number");
        } else {
            HttpRequest.Builder scrape = request("/metrics");
            if (token != null && !token.isBlank()) {
                scrape.header("Authorization", "Bearer " + token.trim());
            }
            return scrape.build();
        }
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        URI uri = options.target().resolve(path.substring(1));
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }
}
