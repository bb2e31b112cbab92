package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class CountedTest {

    @Path("/counted")
    public static class CountedResource {
        @GET
        @Counted(name = "report_views", help = "Report views")
        public String view() {
            return "report";
        }

        @POST
        @Counted(name = "report_views", help = "Report views")
        public String refresh() {
            return "refreshed";
        }

        @GET
        @Path("twice")
        @Counted(name = "twice_a")
        @Counted(name = "twice_b")
        public String twice() {
            return "twice";
        }
    }

    @Path("/all")
    @Counted(name = "all_calls", help = "Calls of any method")
    public static class ClassLevelResource {
        @GET
        @Path("one")
        public String one() {
            return "one";
        }

        @GET
        @Path("two")
        public String two() {
            return "two";
        }
    }

    @Path("/overridden")
    @Counted(name = "overridden_calls", help = "The class's definition")
    public static class OverriddenDefinition {
        @GET
        @Counted(name = "overridden_calls", help = "The method's definition",
                labels = @Label(name = "method", from = Label.Source.METHOD))
        public String get() {
            return "x";
        }
    }

    @Path("/relabelled")
    @Counted(name = "team_calls", labels = @Label(name = "team", value = "class"))
    public static class OverriddenStaticLabel {
        @GET
        @Counted(name = "team_calls", labels = @Label(name = "team", value = "method"))
        public String get() {
            return "x";
        }
    }

    @Path("/failing")
    public static class FailingCounted {
        @GET
        @Counted(name = "failing_calls", labels = @Label(name = "status", from = Label.Source.STATUS))
        public String fail() {
            throw new IllegalStateException("unmapped");
        }
    }

    @Test
    void countsEveryInvocation() {
        try (TestApp app = TestApp.start(CountedResource.class)) {
            app.hit("/counted", 3);

            assertThat(app.lines("report_views_total")).containsExactly("report_views_total 3.0");
        }
    }

    @Test
    void helpIsExported() {
        try (TestApp app = TestApp.start(CountedResource.class)) {
            assertThat(app.exposition()).contains("# HELP report_views_total Report views\n");
        }
    }

    @Test
    void sameNameOnTwoMethodsIsOneMetric() {
        try (TestApp app = TestApp.start(CountedResource.class)) {
            app.get("/counted");
            app.request("POST", "/counted");

            assertThat(app.lines("report_views_total")).containsExactly("report_views_total 2.0");
        }
    }

    @Test
    void repeatedAnnotationDeclaresTwoMetrics() {
        try (TestApp app = TestApp.start(CountedResource.class)) {
            app.get("/counted/twice");

            assertThat(app.lines("twice_a_total")).containsExactly("twice_a_total 1.0");
            assertThat(app.lines("twice_b_total")).containsExactly("twice_b_total 1.0");
        }
    }

    @Test
    void onAClassCountsEveryMethodOfIt() {
        try (TestApp app = TestApp.start(ClassLevelResource.class)) {
            app.get("/all/one");
            app.get("/all/two");

            assertThat(app.lines("all_calls_total")).containsExactly("all_calls_total 2.0");
        }
    }

    @Test
    void onAMethodAndItsClassWithAnotherDefinitionTheMethodsWins() {
        try (TestApp app = TestApp.start(OverriddenDefinition.class)) {
            app.get("/overridden");

            assertThat(app.exposition()).contains("# HELP overridden_calls_total The method's definition\n");
            assertThat(app.lines("overridden_calls_total")).containsExactly("overridden_calls_total{method=\"GET\"} 1.0");
        }
    }

    @Test
    void onAMethodAndItsClassWithOtherStaticLabelValuesOnlyTheMethodsSeriesExists() {
        try (TestApp app = TestApp.start(OverriddenStaticLabel.class)) {
            assertThat(app.lines("team_calls_total")).containsExactly("team_calls_total{team=\"method\"} 0.0");

            app.get("/relabelled");

            assertThat(app.lines("team_calls_total")).containsExactly("team_calls_total{team=\"method\"} 1.0");
        }
    }

    @Test
    void countsAnUnmappedExceptionWithStatus500() {
        try (TestApp app = TestApp.start(FailingCounted.class)) {
            assertThat(app.get("/failing").statusCode()).isEqualTo(500);

            assertThat(app.lines("failing_calls_total")).containsExactly("failing_calls_total{status=\"500\"} 1.0");
        }
    }

    @Test
    void countsWithoutTheDefaultMetrics() {
        try (TestApp app = TestApp.start(b -> b.exportDefaults(false), CountedResource.class, FailingResource.class)) {
            app.get("/counted");

            assertThat(app.lines("report_views_total")).containsExactly("report_views_total 1.0");
            assertThat(app.exposition()).doesNotContain("jaxrs_");
        }
    }
}
