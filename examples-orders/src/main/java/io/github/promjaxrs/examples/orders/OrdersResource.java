package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Label;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The orders API. Between them its methods produce what the default metrics are about: 200,
 * 201, 400, 404, a mapped 409, an unmapped 500, an asynchronous response and a locator. The
 * methods that do business carry {@link TrackedOperation}; a few have metrics of their own, with
 * labels from a query parameter, a header and the status.
 */
@Path("/orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrdersResource {

    private final OrderStore store;

    OrdersResource(OrderStore store) {
        this.store = store;
    }

    /**
     * All orders, or those with {@code ?status=pending|shipped|cancelled}; another status is 400.
     * The filter is a label: its values are whatever clients send, so the service's
     * {@code cardinalityLimit} is what bounds them.
     */
    @GET
    @Counted(name = "orders_listings", help = "Order listings, by status filter (empty: none)",
            labels = {@Label(name = "filter", queryParam = "status"), @Label(name = "status", from = Label.Source.STATUS)})
    public String list(@QueryParam("status") String status) {
        Order.Status wanted = status == null || status.isEmpty() ? null : status(status);
        return store.list().stream().filter(order -> wanted == null || order.status() == wanted)
                .map(order -> order.describe() + "\n").collect(Collectors.joining());
    }

    /** Creates an order; the {@code X-Channel} header (web, mobile, partner) says where it came from. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TrackedOperation
    @Counted(name = "orders_create_requests", help = "Order creation requests, by sales channel (X-Channel header)",
            labels = {@Label(name = "channel", header = "X-Channel"), @Label(name = "status", from = Label.Source.STATUS)})
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

    /** A sub-resource locator: the runtime matches the rest of the path against the returned object. */
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
    @TrackedOperation
    @InProgress(name = "orders_shipping_estimates_in_progress", help = "Shipping estimates waiting for the carrier")
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
    @TrackedOperation
    public String cancel(@PathParam("id") long id) {
        return store.cancel(id).orElseThrow(NotFoundException::new).describe() + "\n";
    }

    /**
     * Always fails with an exception no mapper handles: the client gets the runtime's plain 500, and
     * promjaxrs counts it in {@code jaxrs_http_request_exceptions_total}.
     */
    @GET
    @Path("{id: [0-9]+}/invoice")
    @TrackedOperation
    public String invoice(@PathParam("id") long id) {
        order(id);
        throw new IllegalStateException("the invoicing backend is not part of this example");
    }

    private static Order.Status status(String name) {
        try {
            return Order.Status.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("status: expected pending, shipped or cancelled\n").build());
        }
    }

    private Order order(long id) {
        return store.find(id).orElseThrow(NotFoundException::new);
    }
}
