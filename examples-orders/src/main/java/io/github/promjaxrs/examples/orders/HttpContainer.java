package io.github.promjaxrs.examples.orders;

import jakarta.ws.rs.core.Application;
import java.io.UncheckedIOException;

/**
 * A Jakarta REST runtime with its HTTP server, e.g. Jersey on Grizzly: all that differs between
 * the examples. Everything else, from the resources to the start-up line, is the same code.
 */
public interface HttpContainer {

    /** What the index says the service runs on, e.g. {@code Jersey on Grizzly}. */
    String name();

    /**
     * Serves {@code application} at the root of {@code host:port}.
     *
     * @param port 0 binds a free port; {@link ServedApplication#port()} tells which
     * @throws UncheckedIOException if the address cannot be bound
     */
    ServedApplication serve(Application application, String host, int port);

    /** An application being served; closing it stops its server. */
    interface ServedApplication extends AutoCloseable {

        /** The bound port. */
        int port();

        /** Stops the server, letting requests in flight finish for a few seconds. */
        @Override
        void close();
    }
}
