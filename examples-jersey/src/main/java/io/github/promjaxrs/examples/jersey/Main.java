package io.github.promjaxrs.examples.jersey;

import io.github.promjaxrs.examples.orders.OrdersCommand;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the orders service on Jersey and Grizzly, or its load generator: see {@link OrdersCommand}. */
public final class Main {

    /** Grizzly announces each listener at INFO; the example prints one line of its own instead. */
    private static final Logger GRIZZLY_LOG = Logger.getLogger("org.glassfish.grizzly");

    /**
     * Jersey warns that each resource instance from {@code Application.getSingletons()} "will be
     * ignored" as a provider, and then serves it as the resource it is: a false alarm at every start.
     */
    private static final Logger JERSEY_PROVIDERS_LOG = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the loggers are held in fields: one no one references may be collected, and its level with it
        GRIZZLY_LOG.setLevel(Level.WARNING);
        JERSEY_PROVIDERS_LOG.setLevel(Level.SEVERE);
        OrdersCommand.run("examples-jersey.jar", new GrizzlyContainer(), args);
    }
}
