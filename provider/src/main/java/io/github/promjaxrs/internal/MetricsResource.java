package io.github.promjaxrs.internal;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;

/**
 * The metrics endpoint. Everything about the response (format negotiation, {@code name[]}
 * filters, gzip, {@code ?debug=}) is client_java's {@link PrometheusScrapeHandler}; this class
 * only carries the request to it and its answer back. It has no {@code @Path}: the runtime
 * adapter mounts it at the configured path.
 */
public final class MetricsResource {

    private final PrometheusScrapeHandler handler;

    public MetricsResource(PrometheusRegistry registry) {
        this.handler = new PrometheusScrapeHandler(registry);
    }

    @GET
    public Response scrape(@Context Request request, @Context UriInfo uriInfo, @Context HttpHeaders headers)
            throws IOException {
        return handle(new JaxrsScrapeExchange(request, uriInfo, headers));
    }

    /** Answers a scrape that a filter intercepted, where no resource method serves the endpoint. */
    public Response answer(ContainerRequestContext request) throws IOException {
        return handle(new JaxrsScrapeExchange(request.getRequest(), request.getUriInfo(), request.getHeaders()::get));
    }

    private Response handle(JaxrsScrapeExchange exchange) throws IOException {
        if (DebugParameter.isUnknown(exchange)) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain").entity(DebugParameter.MESSAGE)
                    .build();
        }
        handler.handleRequest(exchange);
        return exchange.toResponse();
    }
}
