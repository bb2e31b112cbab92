package io.github.promjaxrs.examples.jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ThreadLocalRandom;

/** A slow endpoint, so the latency histogram has something in its upper buckets. */
@Path("/reports")
@Produces(MediaType.TEXT_PLAIN)
public class ReportsResource {

    @GET
    @Path("daily")
    public String daily() throws InterruptedException {
        long millis = ThreadLocalRandom.current().nextLong(300, 1500);
        Thread.sleep(millis); // stands in for a heavy query
        return "daily report, computed in " + millis + " ms\n";
    }
}
