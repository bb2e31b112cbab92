package io.github.promjaxrs.benchmarks;

import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A Jersey application served without a network: each request is a {@link ContainerRequest}
 * handed to {@link ApplicationHandler#apply}, so a benchmark measures Jersey and the metrics
 * and nothing of a container or a socket.
 */
final class InMemoryJersey implements InMemoryServer {

    private static final URI BASE = URI.create("http://localhost/");

    private final ApplicationHandler handler;

    InMemoryJersey(ResourceConfig config) {
        // features the benchmarks do not use, which would only warn that their libraries are absent
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
        this.handler = new ApplicationHandler(config);
    }

    @Override
    public int get(String path) {
        return get(path, null);
    }

    /** Serves {@code GET path}, the body written nowhere; returns the status. */
    int get(String path, String accept) {
        return response(request("GET", path, accept), OutputStream.nullOutputStream()).getStatus();
    }

    /** Serves {@code method path}; returns the status. */
    int call(String method, String path) {
        return response(request(method, path, null), OutputStream.nullOutputStream()).getStatus();
    }

    /** Serves {@code GET path} and returns the body, for checks outside the measurement. */
    String body(String path, String accept) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ContainerResponse response = response(request("GET", path, accept), body);
        if (response.getStatus() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.getStatus());
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private ContainerRequest request(String method, String path, String accept) {
        ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), method, null,
                new MapPropertiesDelegate(), handler.getConfiguration());
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return request;
    }

    private ContainerResponse response(ContainerRequest request, OutputStream body) {
        try {
            return handler.apply(request, body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
