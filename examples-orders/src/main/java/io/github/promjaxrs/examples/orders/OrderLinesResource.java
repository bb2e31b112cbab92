package io.github.promjaxrs.examples.orders;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The lines of one order, reached through {@link OrdersResource#lines}, a sub-resource
 * locator: promjaxrs still labels its requests with the full template,
 * {@code /orders/{id}/lines/{line}}.
 */
@Produces(MediaType.TEXT_PLAIN)
public class OrderLinesResource {

    private final Order order;

    OrderLinesResource(Order order) {
        this.order = order;
    }

    /** Line numbers start at 1. */
    @GET
    @Path("{line: [0-9]+}")
    public String line(@PathParam("line") int line) {
        if (line < 1 || line > order.lines().size()) {
            throw new NotFoundException();
        }
        return "order " + order.id() + " line " + line + ": " + order.lines().get(line - 1).describe() + "\n";
    }
}
