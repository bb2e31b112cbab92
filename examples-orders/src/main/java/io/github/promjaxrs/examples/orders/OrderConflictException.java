package io.github.promjaxrs.examples.orders;

/**
 * A request that conflicts with an order's state. A plain exception of the domain, turned into
 * 409 by {@link OrderConflictMapper}: promjaxrs records the 409 and does not count it as an
 * exception, since a mapper handled it.
 */
final class OrderConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OrderConflictException(String message) {
        super(message);
    }
}
