package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The endpoint answers its path, and the application's root resources answer theirs, whatever
 * root resources sit beside it: on Jersey it is mounted so that other requests never try it
 * first, which must not change which resource answers a request.
 */
class MetricsEndpointRoutingTest {

    @Path("{any: .*}")
    public static class CatchAllResource {
        @GET
        public String get(@PathParam("any") String any) {
            return "catch-all " + any;
        }
    }

    @Path("{section}")
    public static class SectionResource {
        @GET
        public String get(@PathParam("section") String section) {
            return "section " + section;
        }
    }

    @Path("/")
    public static class IndexResource {
        @GET
        public String index() {
            return "index";
        }
    }

    @Path("/{first}/{second}")
    public static class TwoSegmentsResource {
        @GET
        public String get(@PathParam("first") String first, @PathParam("second") String second) {
            return first + " then " + second;
        }
    }

    /** More literal characters than a template variable: Jersey would try it before a templated endpoint. */
    @Path("/metr{rest}")
    public static class PrefixResource {
        @GET
        public String get(@PathParam("rest") String rest) {
            return "metr" + rest;
        }
    }

    @Test
    void theEndpointAnswersItsPathBesideAResourceWithALiteralPrefixOfIt() {
        try (TestApp app = TestApp.start(PrefixResource.class)) {
            assertScrape(app.get("/metrics"));
            assertThat(app.get("/metronome").body()).isEqualTo("metronome");
        }
    }

    @Test
    void theEndpointAnswersItsPathBesideACatchAllResource() {
        try (TestApp app = TestApp.start(CatchAllResource.class)) {
            assertScrape(app.get("/metrics"));
            assertThat(app.get("/elsewhere").body()).isEqualTo("catch-all elsewhere");
        }
    }

    @Test
    void theEndpointAnswersItsCustomPathBesideACatchAllResource() {
        try (TestApp app = TestApp.start(b -> b.path("/internal/prom"), CatchAllResource.class)) {
            assertScrape(app.get("/internal/prom"));
            assertThat(app.get("/metrics").body()).isEqualTo("catch-all metrics");
        }
    }

    @Test
    void theEndpointAnswersItsPathBesideAOneVariableRootResource() {
        try (TestApp app = TestApp.start(SectionResource.class)) {
            assertScrape(app.get("/metrics"));
            assertThat(app.get("/orders").body()).isEqualTo("section orders");
        }
    }

    @Test
    void theEndpointAnswersItsPathBesideARootResourceAtSlash() {
        try (TestApp app = TestApp.start(IndexResource.class, ItemsResource.class)) {
            assertScrape(app.get("/metrics"));
            assertThat(app.get("/").body()).isEqualTo("index");
            assertThat(app.get("/items").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theEndpointAnswersItsPathBesideATwoVariableRootResource() {
        try (TestApp app = TestApp.start(TwoSegmentsResource.class)) {
            assertScrape(app.get("/metrics"));
            assertThat(app.get("/a/b").body()).isEqualTo("a then b");
        }
    }

    @Test
    void aPathBelowTheEndpointIsNotTheEndpoint() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            assertThat(app.get("/metrics/more").statusCode()).isEqualTo(404);
            assertThat(app.get("/metricsmore").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void scrapesBesideACatchAllResourceAreRecordedUnderTheEndpointsPath() {
        try (TestApp app = TestApp.start(CatchAllResource.class)) {
            app.get("/metrics");

            assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).containsExactly(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/metrics\",status=\"200\"} 1");
        }
    }

    private static void assertScrape(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE jaxrs_exporter_info gauge\n");
    }
}
