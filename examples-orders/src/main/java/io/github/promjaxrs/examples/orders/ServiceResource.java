package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.annotation.DoNotTrack;
import io.github.promjaxrs.annotation.ExcludeAllMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The service's own endpoints: an index for people, and the probes an orchestrator polls.
 * The probes would swamp the request metrics, so they are kept out three ways: {@code /health}
 * by the {@code excludedPaths("^/health")} setting (no request metrics, no {@code registerDefault}
 * metric), {@code /ready} by {@link DoNotTrack} (no default metrics; {@code registerDefault}
 * still counts it), {@code /live} by {@link ExcludeAllMetrics} (no metrics of any kind).
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class ServiceResource {

    private static final String ENDPOINTS = String.join("\n",
            "GET  /orders                      list orders (?status=pending|shipped|cancelled)",
            "POST /orders                      create one (form: item, quantity 1-1000; header X-Channel)",
            "GET  /orders/{id}                 one order (404 if unknown)",
            "GET  /orders/{id}/lines/{line}    one line, through a sub-resource locator",
            "GET  /orders/{id}/shipping        shipping estimate, asynchronous (CompletionStage)",
            "POST /orders/{id}/cancel          409 unless pending (a mapped exception)",
            "GET  /orders/{id}/invoice         500: an unmapped exception",
            "GET  /reports/{period}            slow: daily 0.3 to 1.5 s, weekly 0.6 to 1.8 s",
            "GET  /health                      not recorded (excludedPaths)",
            "GET  /ready                       no default metrics (@DoNotTrack)",
            "GET  /live                        not recorded at all (@ExcludeAllMetrics)",
            "GET  /metrics                     Prometheus metrics",
            "");

    private final String index;

    /** @param runtime what the service runs on, e.g. {@code Jersey on Grizzly} */
    ServiceResource(String runtime) {
        this.index = "orders: a promjaxrs example on " + runtime + "\n\n" + ENDPOINTS;
    }

    @GET
    public String index() {
        return index;
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

    @GET
    @Path("live")
    @ExcludeAllMetrics
    public String live() {
        return "live\n";
    }
}
