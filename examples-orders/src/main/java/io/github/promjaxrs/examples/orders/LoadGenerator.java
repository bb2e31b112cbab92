package io.github.promjaxrs.examples.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends a bounded mix of requests to a running orders service, so its metrics have something
 * to show: most statuses, a locator, async and slow calls, a mapped and an unmapped exception,
 * unmatched paths, an invented method and a few kinds of clients. With {@code --flood}, every
 * request goes to a random unmatched path instead ({@code /nope/<uuid>}), the way a scanner
 * would. It stops after {@code --requests} requests or {@code --seconds} seconds, whichever
 * comes first, and only targets loopback addresses.
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
            System.err.println("usage: --load [--requests N] [--seconds S] [--target http://127.0.0.1:8080] [--flood]");
            return 2;
        }
        System.out.println("load: up to " + options.requests() + (options.flood() ? " unmatched" : "")
                + " requests in at most " + options.duration().toSeconds() + " s against " + options.target());
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

    /** One request of the mix, or of the flood; the weights are percentages. */
    private HttpRequest nextRequest() {
        if (options.flood()) {
            return get("/nope/" + UUID.randomUUID()); // unmatched: still one series, whatever the path
        }
        int dice = random.nextInt(100);
        int order = 1 + random.nextInt(6); // orders 1-3 exist at start; later ones only once created
        if (dice < 4) {
            return get("/");
        } else if (dice < 14) {
            return get("/orders");
        } else if (dice < 19) {
            return get("/orders?status=" + pick("pending", "shipped", "cancelled", "bogus")); // bogus: 400
        } else if (dice < 37) {
            return get("/orders/" + order);
        } else if (dice < 45) {
            int quantity = random.nextInt(6); // 0 is refused with 400
            return request("/orders").header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Channel", pick("web", "web", "mobile", "partner"))
                    .POST(HttpRequest.BodyPublishers.ofString("item=widget&quantity=" + quantity)).build();
        } else if (dice < 53) {
            return get("/orders/" + order + "/lines/" + (1 + random.nextInt(3)));
        } else if (dice < 61) {
            return get("/orders/" + order + "/shipping");
        } else if (dice < 66) {
            return request("/orders/" + (1 + random.nextInt(8)) + "/cancel")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
        } else if (dice < 69) {
            return get("/orders/" + order + "/invoice");
        } else if (dice < 71) {
            return get("/reports/" + pick("daily", "daily", "weekly"));
        } else if (dice < 77) {
            return get("/health");
        } else if (dice < 80) {
            return get("/ready");
        } else if (dice < 82) {
            return get("/live");
        } else if (dice < 90) {
            return get("/no-such-page/" + random.nextInt(1000)); // unmatched: one series, whatever the path
        } else if (dice < 93) {
            return request("/orders").DELETE().build(); // 405
        } else if (dice < 95) {
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

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    /** Most requests carry the JDK client's own User-Agent; some pretend to be curl or a browser. */
    private HttpRequest.Builder request(String path) {
        URI uri = options.target().resolve(path.substring(1));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        int agent = random.nextInt(10);
        if (agent == 0) {
            builder.header("User-Agent", "curl/8.5.0");
        } else if (agent == 1) {
            builder.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        }
        return builder;
    }
}
