package io.github.promjaxrs.e2ewar;

import io.github.promjaxrs.annotation.Counted;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A regex template, an annotation metric and a sub-resource locator. */
@Path("/items")
public class ItemsResource {

    @GET
    @Path("/{id: [0-9]+}")
    @Counted(name = "e2e_item_views", help = "Items viewed")
    public String item(@PathParam("id") String id) {
        return "item " + id;
    }

    @Path("/{id}/lines")
    public LinesResource lines(@PathParam("id") String id) {
        return new LinesResource(id);
    }
}
