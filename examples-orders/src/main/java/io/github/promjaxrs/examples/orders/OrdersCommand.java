package io.github.promjaxrs.examples.orders;

import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The command line both example jars share: the orders service, configured by the environment
 * ({@code HOST}, {@code PORT}, {@code METRICS_PORT}, {@code METRICS_TOKEN},
 * {@code METRICS}), or with
 * {@code --load} the load generator against one. See the README.
 */
public final class OrdersCommand {

    private OrdersCommand() {
    }

    /**
     * Runs the command and exits the JVM when it is done; the service itself runs until the JVM
     * is stopped.
     *
     * @param jar       the jar's file name, for the usage message
     * @param container the runtime the service runs on
     */
    public static void run(String jar, HttpContainer container, String... args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("--load")) {
            System.exit(LoadGenerator.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar " + jar + "                 (the service; see HOST, PORT, "
                    + "METRICS_PORT, METRICS_TOKEN, METRICS)\n"
                    + "       java -jar " + jar + " --load [--requests N] [--seconds S] [--target URL] [--flood]");
            System.exit(2);
        }
        OrdersServer server;
        try {
            server = OrdersServer.start(Settings.fromEnvironment(System.getenv()), container);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("orders: " + e.getMessage()
                    + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "orders-shutdown"));
        System.out.println(server.describe());
        Thread.currentThread().join(); // a container's threads may be daemons: keep the JVM up until it is stopped
    }
}
