package io.github.promjaxrs.examples.resteasy;

import io.github.promjaxrs.examples.orders.HttpContainer;
import io.undertow.Undertow;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * RESTEasy on Undertow, through RESTEasy's own embedded server: the application is deployed as
 * is, and promjaxrs arrives through its {@code getSingletons()}, as on any RESTEasy deployment.
 */
public final class UndertowContainer implements HttpContainer {

    @Override
    public ServedApplication serve(Application application, String host, int port) {
        ServedUndertow server = new ServedUndertow();
        try {
            server.start(Undertow.builder().addHttpListener(port, host));
        } catch (RuntimeException e) {
            // Undertow reports a port in use as a RuntimeException around the BindException
            server.close();
            IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, cause);
        }
        try {
            server.deploy(application);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public String name() {
        return "RESTEasy on Undertow";
    }

    /** The server, with the bound port that only a subclass can read. */
    private static final class ServedUndertow extends UndertowJaxrsServer implements ServedApplication {

        @Override
        public int port() {
            return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        }

        /** Stops Undertow first, so that no request reaches the application while it is torn down. */
        @Override
        public void close() {
            stop();
            if (manager == null) {
                return;
            }
            try {
                manager.stop();
            } catch (ServletException e) {
                throw new IllegalStateException("cannot stop the orders application", e);
            }
            manager.undeploy(); // destroys RESTEasy's servlet, which stops its deployment
        }
    }
}
