package io.github.promjaxrs.benchmarks;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The uninstrumented resource: one templated GET, as cheap as a resource method gets. */
@Path("/items/{id}")
public class ItemResource {

    @GET
    public String get(@PathParam("id") String id) {
        return id;
    }
}
