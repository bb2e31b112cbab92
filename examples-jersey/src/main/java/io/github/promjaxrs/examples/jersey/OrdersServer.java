package io.github.promjaxrs.examples.jersey;

import io.github.promjaxrs.MetricsServer;
import io.github.promjaxrs.PrometheusMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * The running service: the application on Grizzly and, when asked for, the metrics on a port
 * of their own. One handle for both, so a test or the shutdown hook stops everything at once.
 */
public final class OrdersServer implements AutoCloseable {

    private final HttpServer http;
    private final MetricsServer metricsServer;
    private final URI baseUri;
    private final boolean tokenRequired;
    private final boolean metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OrdersServer(HttpServer http, MetricsServer metricsServer, URI baseUri, boolean tokenRequired,
                         boolean metrics) {
        this.http = http;
        this.metricsServer = metricsServer;
        this.baseUri = baseUri;
        this.tokenRequired = tokenRequired;
        this.metrics = metrics;
    }

    /**
     * Builds the metrics and the application, binds and starts.
     *
     * @throws UncheckedIOException if a port cannot be bound
     * @throws IllegalArgumentException if the registry holds the example's metrics already
     */
    static OrdersServer start(Settings settings) {
        PrometheusMetrics metrics = settings.metrics() ? OrdersMetrics.create(settings) : null;
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
                uri(settings.host(), settings.port()), new OrdersApplication(metrics, new OrderStore()), false);
        try {
            http.start();
        } catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        int port = http.getListeners().iterator().next().getPort(); // the bound one, also for port 0
        MetricsServer metricsServer = null;
        if (settings.metricsPort().isPresent()) {
            try {
                metricsServer = metrics.startHttpServer(settings.host(), settings.metricsPort().getAsInt());
            } catch (RuntimeException e) {
                http.shutdownNow();
                throw e;
            }
        }
        return new OrdersServer(http, metricsServer, uri(settings.host(), port), settings.metricsToken().isPresent(),
                metrics != null);
    }

    /** The port the application is bound to. */
    public int port() {
        return baseUri.getPort();
    }

    /** The port of the separate metrics server, if one was asked for. */
    public OptionalInt metricsPort() {
        return metricsServer == null ? OptionalInt.empty() : OptionalInt.of(metricsServer.getPort());
    }

    /** The address of {@code path} on this server, e.g. {@code uri("/orders/1")}. */
    public URI uri(String path) {
        return baseUri.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The one line printed on start-up: where to look. */
    String describe() {
        StringBuilder line = new StringBuilder("orders listening on ").append(baseUri);
        if (!metrics) {
            return line.append(" - metrics off").toString();
        }
        line.append(" - metrics at ").append(uri("/metrics"));
        if (tokenRequired) {
            line.append(" (Bearer token required)");
        }
        metricsPort().ifPresent(port -> line.append(" and at ")
                .append(uri(baseUri.getHost(), port).resolve("metrics"))
                .append(tokenRequired ? " (same token)" : ""));
        return line.toString();
    }

    /** Stops the metrics server, then the application, letting requests in flight finish for up to 5 s. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (metricsServer != null) {
                metricsServer.close();
            }
        } finally {
            try {
                http.shutdown(5, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                http.shutdownNow();
            } catch (ExecutionException | TimeoutException e) {
                http.shutdownNow();
            }
        }
    }

    private static URI uri(String host, int port) {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port + "/");
    }
}
