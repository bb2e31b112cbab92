package io.github.promjaxrs.e2ewar;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;

/** Resumed from a thread of its own after the resource method has returned. */
@Path("/async")
public class AsyncResource {

    @GET
    public void async(@Suspended AsyncResponse response) {
        Thread resumer = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.resume("async done");
        }, "e2e-async");
        resumer.setDaemon(true);
        resumer.start();
    }
}
