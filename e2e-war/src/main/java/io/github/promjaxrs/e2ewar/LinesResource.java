package io.github.promjaxrs.e2ewar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The sub-resource {@link ItemsResource#lines} locates. */
public class LinesResource {

    private final String item;

    public LinesResource(String item) {
        this.item = item;
    }

    @GET
    @Path("/{line}")
    public String line(@PathParam("line") String line) {
        return "item " + item + " line " + line;
    }
}
