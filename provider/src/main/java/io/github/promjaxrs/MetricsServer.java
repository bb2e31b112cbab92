package io.github.promjaxrs;

import java.io.Closeable;

/**
 * The metrics endpoint on a port of its own, started by {@link PrometheusMetrics#startHttpServer}.
 * It serves the same formats as the in-application endpoint, on every path, to {@code GET} and
 * {@code HEAD}, behind the same {@code metricsEndpointFilter}. Whatever clients do, it uses one
 * thread for all connections and at most four more for scrapes, and holds at most 16 KiB of
 * request per connection: a request head must arrive within 10 s of its first byte, an idle
 * connection closes after 30 s, and beyond 1,024 connections the one that has waited longest
 * for a request is closed.
 */
public interface MetricsServer extends Closeable {

    /** The port the server is bound to: the one asked for, or the one chosen for port 0. */
    int getPort();

    /** Closes the port and every connection, and returns once every thread of the server has ended. */
    @Override
    void close();
}
