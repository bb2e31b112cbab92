package io.github.promjaxrs.examples.jersey;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the orders service, configured by the environment ({@code HOST}, {@code PORT},
 * {@code METRICS_PORT}, {@code METRICS_TOKEN}, {@code METRICS}); with {@code --load}, runs the load generator
 * against one instead. See the README.
 */
public final class Main {

    /** Grizzly announces each listener at INFO; the example prints one line of its own instead. */
    private static final Logger GRIZZLY_LOG = Logger.getLogger("org.glassfish.grizzly");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("--load")) {
            System.exit(LoadGenerator.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar examples-jersey.jar                 (the service; see HOST, PORT, "
                    + "METRICS_PORT, METRICS_TOKEN, METRICS)\n"
                    + "       java -jar examples-jersey.jar --load [--requests N] [--seconds S] [--target URL] [--flood]");
            System.exit(2);
        }
        GRIZZLY_LOG.setLevel(Level.WARNING);
        OrdersServer server;
        try {
            server = start(Settings.fromEnvironment(System.getenv()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("orders: " + e.getMessage()
                    + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "orders-shutdown"));
        System.out.println(server.describe());
        Thread.currentThread().join(); // Grizzly's threads are daemons: keep the JVM up until it is stopped
    }

    /**
     * Starts the service as {@link #main} does, without touching the process: the caller owns
     * the returned server and closes it. Port 0 binds a free port; {@link OrdersServer#port()}
     * tells which.
     */
    public static OrdersServer start(Settings settings) {
        return OrdersServer.start(settings);
    }
}
