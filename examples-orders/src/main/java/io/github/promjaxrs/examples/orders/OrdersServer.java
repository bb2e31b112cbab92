package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.MetricsServer;
import io.github.promjaxrs.PrometheusMetrics;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running service: the application in its runtime's container and, when asked for, the
 * metrics on a port of their own. One handle for both, so a test or the shutdown hook stops
 * everything at once.
 */
public final class OrdersServer implements AutoCloseable {

    private final HttpContainer.ServedApplication application;
    private final MetricsServer metricsServer;
    private final URI baseUri;
    private final boolean tokenRequired;
    private final boolean metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OrdersServer(HttpContainer.ServedApplication application, MetricsServer metricsServer, URI baseUri,
                         boolean tokenRequired, boolean metrics) {
        this.application = application;
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
    public static OrdersServer start(Settings settings, HttpContainer container) {
        PrometheusMetrics metrics = settings.metrics() == Settings.Metrics.OFF ? null : OrdersMetrics.create(settings);
        HttpContainer.ServedApplication application = container.serve(
                new OrdersApplication(metrics, new OrderStore(), container.name()), settings.host(), settings.port());
        MetricsServer metricsServer = null;
        if (settings.metricsPort().isPresent()) {
            try {
                metricsServer = metrics.startHttpServer(settings.host(), settings.metricsPort().getAsInt());
            } catch (RuntimeException e) {
                application.close();
                throw e;
            }
        }
        return new OrdersServer(application, metricsServer, baseUri(settings.host(), application.port()),
                settings.metricsToken().isPresent(), metrics != null);
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
                .append(baseUri(baseUri.getHost(), port).resolve("metrics"))
                .append(tokenRequired ? " (same token)" : ""));
        return line.toString();
    }

    /** Stops the metrics server, then the application. */
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
            application.close();
        }
    }

    /** {@code http://host:port/}, with an IPv6 literal in brackets. */
    public static URI baseUri(String host, int port) {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + literal + ":" + port + "/");
    }
}
