package io.github.promjaxrs.examples.resteasy;

import io.github.promjaxrs.examples.orders.OrdersCommand;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the orders service on RESTEasy and Undertow, or its load generator: see {@link OrdersCommand}. */
public final class Main {

    /**
     * RESTEasy, JBoss Threads, Undertow and XNIO announce their versions and the deployment at
     * INFO; the example prints one line of its own instead. RESTEasy still logs each unmapped
     * exception (the invoice's 500) with its stack trace, as it would without promjaxrs.
     */
    private static final Logger[] START_UP_LOGS = {Logger.getLogger("org.jboss"),
            Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio")};

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the loggers are held in a field: one no one references may be collected, and its level with it
        for (Logger log : START_UP_LOGS) {
            log.setLevel(Level.WARNING);
        }
        OrdersCommand.run("examples-resteasy.jar", new UndertowContainer(), args);
    }
}
