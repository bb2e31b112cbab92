package io.github.promjaxrs.examples.orders;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers {@link OrderConflictException} with 409 Conflict and its message. */
public final class OrderConflictMapper implements ExceptionMapper<OrderConflictException> {

    @Override
    public Response toResponse(OrderConflictException exception) {
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity(exception.getMessage() + "\n")
                .build();
    }
}
