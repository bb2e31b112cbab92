package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Which annotation metrics are exported before any request. */
class InitialValuesTest {

    @Path("/init")
    public static class InitResource {
        @GET
        @Path("plain")
        @Counted(name = "plain_calls")
        @Timed(name = "plain_seconds", buckets = 1)
        @InProgress(name = "plain_in_progress")
        public String plain() {
            return "x";
        }

        @GET
        @Path("static")
        @Counted(name = "static_calls", labels = @Label(name = "team", value = "search"))
        public String fixed() {
            return "x";
        }

        @GET
        @Path("dynamic")
        @Counted(name = "dynamic_calls", labels = @Label(name = "status", from = Label.Source.STATUS))
        public String dynamic() {
            return "x";
        }
    }

    @Test
    void metricsWithoutLabelsStartAtZero() {
        try (TestApp app = TestApp.start(InitResource.class)) {
            assertThat(app.lines("plain_calls_total")).containsExactly("plain_calls_total 0.0");
            assertThat(app.lines("plain_seconds_count")).containsExactly("plain_seconds_count 0");
            assertThat(app.lines("plain_in_progress")).containsExactly("plain_in_progress 0.0");
        }
    }

    @Test
    void metricsWithOnlyStaticLabelsStartAtZero() {
        try (TestApp app = TestApp.start(InitResource.class)) {
            assertThat(app.lines("static_calls_total")).containsExactly("static_calls_total{team=\"search\"} 0.0");
        }
    }

    @Test
    void metricsWithOnlyStaticLabelsWaitForARequestWhenAsked() {
        try (TestApp app = TestApp.start(b -> b.initialValueWhenOnlyStaticLabels(false), InitResource.class)) {
            assertThat(app.lines("static_calls_total")).isEmpty();

            app.get("/init/static");

            assertThat(app.lines("static_calls_total")).containsExactly("static_calls_total{team=\"search\"} 1.0");
        }
    }

    @Test
    void metricsWithADynamicLabelWaitForARequest() {
        try (TestApp app = TestApp.start(InitResource.class)) {
            assertThat(app.lines("dynamic_calls_total")).isEmpty();
        }
    }
}
