package io.github.promjaxrs.examples.jersey;

import io.github.promjaxrs.annotation.DoNotTrack;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The service's own endpoints: an index for people, and the probes an orchestrator polls.
 * The probes would swamp the request metrics, so they are kept out two ways: {@code /health}
 * by the {@code excludedPaths("^/health")} setting, {@code /ready} by {@link DoNotTrack}.
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class ServiceResource {

    static final String INDEX = String.join("\n",
            "orders: a promjaxrs example on Jersey",
            "",
            "GET  /orders                      list orders",
            "POST /orders                      create one (form: item, quantity 1-1000)",
            "GET  /orders/{id}                 one order (404 if unknown)",
            "GET  /orders/{id}/lines/{line}    one line, through a sub-resource locator",
            "GET  /orders/{id}/shipping        shipping estimate, asynchronous (CompletionStage)",
            "POST /orders/{id}/cancel          409 unless pending (a mapped exception)",
            "GET  /orders/{id}/invoice         500: an unmapped exception",
            "GET  /reports/daily               slow: 0.3 to 1.5 s",
            "GET  /health                      not recorded (excludedPaths)",
            "GET  /ready                       not recorded (@DoNotTrack)",
            "GET  /metrics                     Prometheus metrics",
            "");

    @GET
    public String index() {
        return INDEX;
    }

    @GET
    @Path("health")
    public String health() {
        return "ok\n";
    }

    @GET
    @Path("ready")
    @DoNotTrack
    public String ready() {
        return "ready\n";
    }
}
