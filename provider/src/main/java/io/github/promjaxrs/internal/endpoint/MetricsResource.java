package io.github.promjaxrs.internal.endpoint;

import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The metrics endpoint. Everything about the response (format negotiation, {@code name[]}
 * filters, gzip, {@code ?debug=}) is client_java's {@link PrometheusScrapeHandler}; this class
 * only carries the request to it and its answer back. A malformed query string gets a 400 and a
 * failing collector a 500, each with a one-line body, never an exception for the runtime to map.
 * It has no {@code @Path}: the runtime adapter mounts it at the configured path.
 */
public final class MetricsResource {

    private final PrometheusScrapeHandler handler;

    public MetricsResource(PrometheusRegistry registry) {
        this.handler = new PrometheusScrapeHandler(registry);
    }

    @GET
    public Response scrape(@Context Request request, @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        return handle(new JaxrsScrapeExchange(request, uriInfo, headers));
    }

    /** Answers a scrape that a filter intercepted, where no resource method serves the endpoint. */
    public Response answer(ContainerRequestContext request) {
        return handle(new JaxrsScrapeExchange(request.getRequest(), request.getUriInfo(), request.getHeaders()::get));
    }

    private Response handle(JaxrsScrapeExchange exchange) {
        String problem = ScrapeQuery.problem(exchange);
        if (problem != null) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain; charset=utf-8").entity(problem)
                    .build();
        }
        try {
            handler.handleRequest(exchange);
        } catch (Throwable e) { // an Error from a collector too: a 500 from here, not an unmapped exception
            exchange.fail(e);
        }
        return exchange.toResponse();
    }
}
