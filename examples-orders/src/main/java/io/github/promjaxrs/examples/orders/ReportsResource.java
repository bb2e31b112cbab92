package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Slow endpoints, so the latency histogram has something in its upper buckets. Their own
 * metrics: a summary with quantiles by period (a path parameter whose template allows two
 * values, so the label stays bounded), and a gauge of reports being computed.
 */
@Path("/reports")
@Produces(MediaType.TEXT_PLAIN)
public class ReportsResource {

    @GET
    @Path("{period: daily|weekly}")
    @Timed(name = "orders_report_duration_seconds", help = "Time to compute a report, by period",
            kind = Timed.Kind.SUMMARY, quantiles = {0.5, 0.9, 0.99},
            labels = @Label(name = "period", pathParam = "period"))
    @InProgress(name = "orders_reports_in_progress", help = "Reports being computed")
    public String report(@PathParam("period") String period) throws InterruptedException {
        long base = period.equals("weekly") ? 600 : 300;
        long millis = ThreadLocalRandom.current().nextLong(base, base + 1200);
        Thread.sleep(millis); // stands in for a heavy query
        return period + " report, computed in " + millis + " ms\n";
    }
}
