package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** An annotation metric declared without {@code help} gets one, so every scrape passes {@code promtool check metrics}. */
class DefaultHelpTest {

    @Path("/reports")
    public static class ReportsResource {
        @GET
        @Counted(name = "report_views")
        @Timed(name = "report_seconds")
        @InProgress(name = "reports_in_progress")
        public String view() {
            return "report";
        }

        @POST
        @Counted(name = "report_views")
        public String refresh() {
            return "refreshed";
        }
    }

    @Test
    void aCounterNamesTheMethodThatDeclaredItFirst() {
        try (TestApp app = TestApp.start(ReportsResource.class)) {
            assertThat(app.exposition()).contains("# HELP report_views_total Invocations of ReportsResource.");
        }
    }

    @Test
    void aTimerAndAGaugeSayWhatTheyMeasure() {
        try (TestApp app = TestApp.start(ReportsResource.class)) {
            assertThat(app.exposition())
                    .contains("# HELP report_seconds Duration of ReportsResource.view in seconds\n")
                    .contains("# HELP reports_in_progress Invocations of ReportsResource.view in progress\n");
        }
    }

    @Test
    void theSameMetricWithoutHelpOnTwoMethodsIsStillOneMetric() {
        try (TestApp app = TestApp.start(ReportsResource.class)) {
            app.get("/reports");
            app.request("POST", "/reports");

            assertThat(app.lines("report_views_total")).containsExactly("report_views_total 2.0");
        }
    }
}
