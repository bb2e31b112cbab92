package io.github.promjaxrs.e2ewar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An exception {@link ConflictMapper} maps to 409, and one nothing maps (500). */
@Path("/errors")
public class ErrorsResource {

    @GET
    @Path("/mapped")
    public String mapped() {
        throw new ConflictException("item 7 is locked");
    }

    @GET
    @Path("/unmapped")
    public String unmapped() {
        throw new IllegalStateException("e2e: an unmapped exception");
    }
}
