package io.github.promjaxrs.benchmarks;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * One Jersey variant of {@link Instrumentation} served over HTTP on Grizzly, as the Jersey example
 * is, on a free port of 127.0.0.1: {@code GET /items/{id}} under wrk, where the in-memory
 * benchmarks serve it without a network. It prints {@code items listening on <url>} and serves
 * until it is stopped.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.promjaxrs.benchmarks.HttpItems VARIANT}.
 */
public final class HttpItems {

    private HttpItems() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: HttpItems NONE|FLOOR|PROMJAXRS|...");
            System.exit(2);
        }
        Instrumentation variant = Instrumentation.valueOf(args[0]);
        if (variant.runtime() != Instrumentation.Runtime.JERSEY) {
            throw new IllegalArgumentException(variant + " is not a Jersey variant");
        }
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                JerseyApplications.configure(variant).config(), false);
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(http::shutdownNow));
        System.out.println("items listening on http://127.0.0.1:" + http.getListeners().iterator().next().getPort()
                + "/items/42");
        Thread.currentThread().join();
    }
}
