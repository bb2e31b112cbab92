package io.github.promjaxrs.examples.orders;

import java.util.List;
import java.util.stream.Collectors;

/** An order: what was ordered and how far it has gone. Immutable; the store replaces it on change. */
record Order(long id, Status status, List<OrderLine> lines) {

    enum Status { PENDING, SHIPPED, CANCELLED }

    Order {
        lines = List.copyOf(lines);
    }

    Order withStatus(Status newStatus) {
        return new Order(id, newStatus, lines);
    }

    /** One line of text, e.g. {@code order 1 PENDING: 2 x widget, 1 x gadget}. */
    String describe() {
        return "order " + id + " " + status + ": "
                + lines.stream().map(OrderLine::describe).collect(Collectors.joining(", "));
    }
}
