package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.LabelValue;
import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Each source a {@link Label} can take its value from. */
class LabelTest {

    public static class Region implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            return "eu-" + (response == null ? "none" : response.getStatus());
        }
    }

    public static class Broken implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            throw new IllegalStateException("provider bug");
        }
    }

    public static class Absent implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            return null;
        }
    }

    @Path("/labels")
    public static class LabelledResource {
        @GET
        @Path("static")
        @Counted(name = "by_static", labels = @Label(name = "team", value = "payments"))
        public String fixed() {
            return "ok";
        }

        @GET
        @Path("request/{id: [0-9]+}")
        @Counted(name = "by_request", labels = {
            @Label(name = "method", from = Label.Source.METHOD),
            @Label(name = "status", from = Label.Source.STATUS),
            @Label(name = "path", from = Label.Source.PATH),
            @Label(name = "template", from = Label.Source.TEMPLATE),
            @Label(name = "endpoint", from = Label.Source.ENDPOINT)})
        public String fromRequest(@PathParam("id") String id) {
            return "ok";
        }

        @GET
        @Path("params/{id}")
        @Counted(name = "by_params", labels = {
            @Label(name = "id", pathParam = "id"),
            @Label(name = "sort", queryParam = "sort"),
            @Label(name = "client", header = "X-Client")})
        public String params(@PathParam("id") String id) {
            return "ok";
        }

        @GET
        @Path("provider")
        @Counted(name = "by_provider", labels = @Label(name = "region", provider = Region.class))
        public String provider() {
            return "ok";
        }

        @GET
        @Path("broken")
        @Counted(name = "by_broken", labels = @Label(name = "region", provider = Broken.class))
        public String broken() {
            return "still fine";
        }

        @GET
        @Path("absent")
        @Counted(name = "by_absent", labels = @Label(name = "region", provider = Absent.class))
        public String absent() {
            return "ok";
        }

        @GET
        @Path("beside")
        @Counted(name = "beside_a")
        @Timed(name = "beside_b_seconds", buckets = 1)
        @Label(name = "team", value = "search")
        public String beside() {
            return "ok";
        }
    }

    private static TestApp app() {
        return TestApp.start(LabelledResource.class);
    }

    @Test
    void valueIsStatic() {
        try (TestApp app = app()) {
            app.get("/labels/static");

            assertThat(app.lines("by_static_total")).containsExactly("by_static_total{team=\"payments\"} 1.0");
        }
    }

    @Test
    void fromTakesMethodStatusPathTemplateAndEndpoint() {
        try (TestApp app = app()) {
            app.get("/labels/request/42");

            assertThat(app.lines("by_request_total")).containsExactly("by_request_total{endpoint=\"LabelledResource"
                    + ".fromRequest\",method=\"GET\",path=\"/labels/request/42\",status=\"200\","
                    + "template=\"/labels/request/{id}\"} 1.0");
        }
    }

    @Test
    void pathParamQueryParamAndHeaderComeFromTheRequest() {
        try (TestApp app = app()) {
            app.send(HttpRequest.newBuilder(app.uri("/labels/params/7?sort=asc")).header("X-Client", "cli"));

            assertThat(app.lines("by_params_total"))
                    .containsExactly("by_params_total{client=\"cli\",id=\"7\",sort=\"asc\"} 1.0");
        }
    }

    @Test
    void eachRequestCountsUnderItsOwnValuesAsTheyChangeAndReturn() {
        try (TestApp app = app()) {
            app.get("/labels/params/1?sort=asc");
            app.get("/labels/params/1?sort=asc");
            app.get("/labels/params/1?sort=desc");
            app.get("/labels/params/2?sort=desc");
            app.get("/labels/params/1?sort=asc");

            assertThat(app.lines("by_params_total")).containsExactlyInAnyOrder(
                    "by_params_total{client=\"\",id=\"1\",sort=\"asc\"} 3.0",
                    "by_params_total{client=\"\",id=\"1\",sort=\"desc\"} 1.0",
                    "by_params_total{client=\"\",id=\"2\",sort=\"desc\"} 1.0");
        }
    }

    @Test
    void absentQueryParamAndHeaderAreEmpty() {
        try (TestApp app = app()) {
            app.get("/labels/params/7");

            assertThat(app.lines("by_params_total")).containsExactly("by_params_total{client=\"\",id=\"7\",sort=\"\"} 1.0");
        }
    }

    @Test
    void providerSeesTheRequestAndResponse() {
        try (TestApp app = app()) {
            app.get("/labels/provider");

            assertThat(app.lines("by_provider_total")).containsExactly("by_provider_total{region=\"eu-200\"} 1.0");
        }
    }

    @Test
    void providerThatThrowsRecordsErrorAndTheResponseIsUnchanged() {
        try (TestApp app = app()) {
            var response = app.get("/labels/broken");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("still fine");
            assertThat(app.lines("by_broken_total")).containsExactly("by_broken_total{region=\"ERROR\"} 1.0");
            assertThat(CapturedLogs.messages()).containsExactly("io.github.promjaxrs.internal.recording.BoundMetric WARNING:"
                    + " promjaxrs: label \"region\" of @Counted(name=\"by_broken\") on LabelledResource.broken failed;"
                    + " recording the value 'ERROR' (logged once per metric)");
        }
    }

    @Test
    void providerThatReturnsNullRecordsEmptyValue() {
        try (TestApp app = app()) {
            app.get("/labels/absent");

            assertThat(app.lines("by_absent_total")).containsExactly("by_absent_total{region=\"\"} 1.0");
        }
    }

    @Test
    void labelBesideMetricAnnotationsIsAddedToEachOfThem() {
        try (TestApp app = app()) {
            app.get("/labels/beside");

            assertThat(app.lines("beside_a_total")).containsExactly("beside_a_total{team=\"search\"} 1.0");
            assertThat(app.lines("beside_b_seconds_count")).containsExactly("beside_b_seconds_count{team=\"search\"} 1");
        }
    }
}
