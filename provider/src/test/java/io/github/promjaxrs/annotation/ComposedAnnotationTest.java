package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** Composed annotations, {@code registerDefault} and {@link ExcludeAllMetrics}. */
class ComposedAnnotationTest {

    /** The JAX-RS form of a Flask wrapper shared on chosen endpoints. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Counted(name = "tracked_calls", help = "Calls of tracked endpoints",
            labels = @Label(name = "endpoint", from = Label.Source.ENDPOINT))
    @Timed(name = "tracked_seconds", buckets = {1})
    public @interface Tracked {
    }

    /** A composed annotation that itself uses one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Tracked
    @InProgress(name = "tracked_in_progress")
    public @interface TrackedAndWatched {
    }

    /** For {@code registerDefault}: every endpoint counted by template. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.ANNOTATION_TYPE)
    @Counted(name = "by_template", labels = @Label(name = "template", from = Label.Source.TEMPLATE))
    public @interface ByTemplate {
    }

    @Path("/")
    public static class ComposedResource {
        @GET
        @Path("tracked")
        @Tracked
        public String tracked() {
            return "ok";
        }

        @GET
        @Path("watched")
        @TrackedAndWatched
        public String watched() {
            return "ok";
        }

        @GET
        @Path("plain")
        public String plain() {
            return "ok";
        }

        @GET
        @Path("health")
        public String health() {
            return "ok";
        }

        @GET
        @Path("excluded")
        @ExcludeAllMetrics
        @Tracked
        public String excluded() {
            return "ok";
        }

        @GET
        @Path("quiet")
        @DoNotTrack
        public String quiet() {
            return "ok";
        }
    }

    @Test
    void composedAnnotationAppliesItsMetrics() {
        try (TestApp app = TestApp.start(ComposedResource.class)) {
            app.get("/tracked");

            assertThat(app.lines("tracked_calls_total"))
                    .containsExactly("tracked_calls_total{endpoint=\"ComposedResource.tracked\"} 1.0");
            assertThat(app.lines("tracked_seconds_count")).containsExactly("tracked_seconds_count 1");
        }
    }

    @Test
    void composedAnnotationsNest() {
        try (TestApp app = TestApp.start(ComposedResource.class)) {
            app.get("/watched");

            assertThat(app.lines("tracked_calls_total"))
                    .containsExactly("tracked_calls_total{endpoint=\"ComposedResource.watched\"} 1.0");
            assertThat(app.lines("tracked_in_progress")).containsExactly("tracked_in_progress 0.0");
        }
    }

    @Test
    void composedAnnotationLeavesOtherMethodsAlone() {
        try (TestApp app = TestApp.start(ComposedResource.class)) {
            app.get("/plain");

            assertThat(app.lines("tracked_calls_total")).isEmpty();
        }
    }

    @Test
    void registerDefaultAppliesToEveryEndpoint() {
        try (TestApp app = TestApp.start(b -> b.registerDefault(ByTemplate.class), ComposedResource.class)) {
            app.get("/plain");
            app.get("/tracked");

            assertThat(app.lines("by_template_total")).containsExactlyInAnyOrder(
                    "by_template_total{template=\"/plain\"} 1.0",
                    "by_template_total{template=\"/tracked\"} 1.0");
        }
    }

    @Test
    void registerDefaultSkipsExcludedPaths() {
        try (TestApp app = TestApp.start(b -> b.registerDefault(ByTemplate.class).excludedPaths("^/health"),
                ComposedResource.class)) {
            app.get("/health");
            app.get("/plain");

            assertThat(app.lines("by_template_total")).containsExactly("by_template_total{template=\"/plain\"} 1.0");
        }
    }

    @Test
    void registerDefaultRecordsExcludedPathsWhenExcludeUserDefaultsIsOff() {
        try (TestApp app = TestApp.start(
                b -> b.registerDefault(ByTemplate.class).excludedPaths("^/health").excludeUserDefaults(false),
                ComposedResource.class)) {
            app.get("/health");

            assertThat(app.lines("by_template_total")).containsExactly("by_template_total{template=\"/health\"} 1.0");
            assertThat(app.lines("jaxrs_http_request_total")).isEmpty();
        }
    }

    @Test
    void registerDefaultIsStillRecordedOnDoNotTrackMethods() {
        try (TestApp app = TestApp.start(b -> b.registerDefault(ByTemplate.class), ComposedResource.class)) {
            app.get("/quiet");

            assertThat(app.lines("by_template_total")).containsExactly("by_template_total{template=\"/quiet\"} 1.0");
            assertThat(app.lines("jaxrs_http_request_total")).isEmpty();
        }
    }

    @Test
    void excludeAllMetricsSkipsDefaultsAnnotationsAndRegisterDefault() {
        try (TestApp app = TestApp.start(b -> b.registerDefault(ByTemplate.class), ComposedResource.class)) {
            app.get("/excluded");

            assertThat(app.lines("tracked_calls_total")).isEmpty();
            assertThat(app.lines("by_template_total")).isEmpty();
            assertThat(app.lines("jaxrs_http_request_total")).isEmpty();
        }
    }
}
