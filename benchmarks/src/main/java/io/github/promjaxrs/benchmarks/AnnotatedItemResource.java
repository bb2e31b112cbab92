package io.github.promjaxrs.benchmarks;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** {@link ItemResource} with promjaxrs's own method metrics, labelled by the path parameter. */
@Path("/items/{id}")
public class AnnotatedItemResource {

    static final String COUNTER = "item_reads";

    @GET
    @Counted(name = COUNTER, help = "Item reads by id", labels = @Label(name = "id", pathParam = "id"))
    @Timed(name = "item_read_seconds", help = "Item read latency by id", labels = @Label(name = "id", pathParam = "id"))
    public String get(@PathParam("id") String id) {
        return id;
    }
}
