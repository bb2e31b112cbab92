package io.github.promjaxrs;

import java.io.Closeable;

/**
 * The metrics endpoint on a port of its own, started by {@link PrometheusMetrics#startHttpServer}.
 * It serves the same formats as the in-application endpoint, on every path.
 */
public interface MetricsServer extends Closeable {

    /** The port the server is bound to: the one asked for, or the one chosen for port 0. */
    int getPort();

    /** Stops the server and its threads. */
    @Override
    void close();
}
