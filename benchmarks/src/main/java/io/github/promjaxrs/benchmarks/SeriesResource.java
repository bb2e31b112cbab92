package io.github.promjaxrs.benchmarks;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Answers any of five methods with the status the query asks for: requests that fill a registry with series. */
@Path("/items/{id}")
public class SeriesResource {

    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};

    @GET
    public Response get(@QueryParam("status") int status) {
        return Response.status(status).build();
    }

    @POST
    public Response post(@QueryParam("status") int status) {
        return Response.status(status).build();
    }

    @PUT
    public Response put(@QueryParam("status") int status) {
        return Response.status(status).build();
    }

    @DELETE
    public Response delete(@QueryParam("status") int status) {
        return Response.status(status).build();
    }

    @PATCH
    public Response patch(@QueryParam("status") int status) {
        return Response.status(status).build();
    }
}
