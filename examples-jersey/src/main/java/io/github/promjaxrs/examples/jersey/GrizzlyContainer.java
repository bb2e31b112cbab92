package io.github.promjaxrs.examples.jersey;

import io.github.promjaxrs.examples.orders.HttpContainer;
import io.github.promjaxrs.examples.orders.OrdersServer;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Jersey on Grizzly's HTTP server. */
public final class GrizzlyContainer implements HttpContainer {

    @Override
    public String name() {
        return "Jersey on Grizzly";
    }

    @Override
    public ServedApplication serve(Application application, String host, int port) {
        ResourceConfig config = ResourceConfig.forApplication(application)
                // features this service does not use, which would only warn at start-up that their libraries are absent
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(OrdersServer.baseUri(host, port), config, false);
        try {
            http.start();
        } catch (IOException e) {
            http.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        int bound = http.getListeners().iterator().next().getPort(); // the bound one, also for port 0
        return new ServedApplication() {
            @Override
            public int port() {
                return bound;
            }

            @Override
            public void close() {
                shutdown(http);
            }
        };
    }

    /** Lets requests in flight finish for up to 5 s. */
    private static void shutdown(HttpServer http) {
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
