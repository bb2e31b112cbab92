package io.github.promjaxrs.benchmarks;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** {@link ItemResource} timed the Dropwizard way: metrics-jersey3 times methods carrying its {@code @Timed}. */
@Path("/items/{id}")
public class DropwizardItemResource {

    static final String TIMER = DropwizardItemResource.class.getName() + ".get";

    @GET
    @Timed
    public String get(@PathParam("id") String id) {
        return id;
    }
}
