package io.github.promjaxrs.examples.orders;

import jakarta.ws.rs.ServiceUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders, in memory: enough state for the example to answer 200, 404 and 409 like a real
 * service. Bounded, so that a long load run cannot grow it without limit.
 */
final class OrderStore {

    static final int CAPACITY = 1000;

    private final ConcurrentNavigableMap<Long, Order> orders = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A store with three orders: 1 pending, 2 shipped, 3 pending. */
    OrderStore() {
        add(Order.Status.PENDING, List.of(new OrderLine("widget", 2), new OrderLine("gadget", 1)));
        add(Order.Status.SHIPPED, List.of(new OrderLine("bolt", 100)));
        add(Order.Status.PENDING, List.of(new OrderLine("manual", 1)));
    }

    List<Order> list() {
        return List.copyOf(orders.values());
    }

    Optional<Order> find(long id) {
        return Optional.ofNullable(orders.get(id));
    }

    Order create(OrderLine line) {
        if (orders.size() >= CAPACITY) {
            throw new ServiceUnavailableException("the example keeps at most " + CAPACITY + " orders");
        }
        return add(Order.Status.PENDING, List.of(line));
    }

    /**
     * Cancels a pending order.
     *
     * @return the cancelled order, or empty if there is no such order
     * @throws OrderConflictException if the order has shipped or is cancelled already
     */
    Optional<Order> cancel(long id) {
        return Optional.ofNullable(orders.computeIfPresent(id, (key, order) -> {
            if (order.status() != Order.Status.PENDING) {
                throw new OrderConflictException("order " + id + " is " + order.status() + " and cannot be cancelled");
            }
            return order.withStatus(Order.Status.CANCELLED);
        }));
    }

    private Order add(Order.Status status, List<OrderLine> lines) {
        Order order = new Order(ids.incrementAndGet(), status, lines);
        orders.put(order.id(), order);
        return order;
    }
}
