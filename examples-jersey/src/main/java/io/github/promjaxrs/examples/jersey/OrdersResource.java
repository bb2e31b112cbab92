package io.github.promjaxrs.examples.jersey;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The orders API. Between them its methods produce what the default metrics are about: 200,
 * 201, 400, 404, a mapped 409, an unmapped 500, an asynchronous response and a locator.
 */
@Path("/orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

    private final OrderStore store;

    @Inject
    public OrdersResource(OrderStore store) {
        this.store = store;
    }

    @GET
    public String list() {
        return store.list().stream().map(order -> order.describe() + "\n").collect(Collectors.joining());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("item") String item, @FormParam("quantity") @DefaultValue("1") int quantity,
                           @Context UriInfo uriInfo) {
        if (item == null || item.isBlank() || quantity < 1 || quantity > 1000) {
            throw new BadRequestException(Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("an order needs an item and a quantity from 1 to 1000\n").build());
        }
        Order order = store.create(new OrderLine(item.strip(), quantity));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(order.id())).build())
                .entity(order.describe() + "\n").build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public String get(@PathParam("id") long id) {
        return order(id).describe() + "\n";
    }

    /** A sub-resource locator: Jersey matches the rest of the path against the returned object. */
    @Path("{id: [0-9]+}/lines")
    public OrderLinesResource lines(@PathParam("id") long id) {
        return new OrderLinesResource(order(id));
    }

    /**
     * Asks a (simulated) carrier for an estimate without holding a request thread: the response
     * is written when the stage completes, and promjaxrs times the request until then.
     */
    @GET
    @Path("{id: [0-9]+}/shipping")
    public CompletionStage<String> shipping(@PathParam("id") long id) {
        Order order = order(id);
        long delayMillis = ThreadLocalRandom.current().nextLong(20, 200);
        return CompletableFuture.supplyAsync(
                () -> "order " + order.id() + " ships in " + (1 + order.id() % 3) + " days\n",
                CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
    }

    /** 409 for an order that is not pending: {@link OrderConflictMapper} handles the exception. */
    @POST
    @Path("{id: [0-9]+}/cancel")
    public String cancel(@PathParam("id") long id) {
        return store.cancel(id).orElseThrow(NotFoundException::new).describe() + "\n";
    }

    /**
     * Always fails with an exception no mapper handles: the client gets Jersey's plain 500, and
     * promjaxrs counts it in {@code jaxrs_http_request_exceptions_total}.
     */
    @GET
    @Path("{id: [0-9]+}/invoice")
    public String invoice(@PathParam("id") long id) {
        order(id);
        throw new IllegalStateException("the invoicing backend is not part of this example");
    }

    private Order order(long id) {
        return store.find(id).orElseThrow(NotFoundException::new);
    }
}
