package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.ContentType;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Whatever a scraper sends, the answer is a clear status and never a stack trace. */
class HostileScrapeTest {

    private static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void unknownDebugFormatIsABadRequest() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> response = app.get("/metrics?debug=%3Cscript%3E");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("Unknown debug format");
            assertThat(response.body()).doesNotContain("jaxrs_");
        }
    }

    @Test
    void unknownDebugFormatIsABadRequestOnTheSeparatePort() {
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(new PrometheusRegistry()).build();
        try (MetricsServer server = metrics.startHttpServer("127.0.0.1", 0);
             TestApp client = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getPort() + "/metrics?debug=nonsense")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("Unknown debug format");
        }
    }

    @Test
    void thousandsOfNameFiltersGetAClearAnswer() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            StringBuilder query = new StringBuilder("/metrics?");
            for (int i = 0; i < 3000; i++) {
                query.append("name[]=m").append(i).append('&');
            }
            HttpResponse<String> response = app.get(query.toString());

            // Grizzly refuses a request line this long before promjaxrs sees it; either way, no 500
            assertThat(response.statusCode()).isIn(200, 400, 413, 414, 431);
            assertNoStackTrace(response);
        }
    }

    @Test
    void moreThan1024QueryParametersGetA400NotAnException() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> response = app.get("/metrics?" + "a=1&".repeat(1025));

            assertThat(response.statusCode()).isEqualTo(400);
            // Undertow (RESTEasy's test server) refuses over 1,000 parameters itself, with an empty 400
            assertThat(response.body()).isEqualTo(TestApp.runtime().name().equals("resteasy") ? ""
                    : "Invalid query string: Too many query parameters: 1025 (max 1024)\n");
            assertThat(app.lines("jaxrs_http_request_exceptions_total")).isEmpty();
            assertThat(CapturedLogs.messages()).isEmpty();
        }
    }

    @Test
    void manyNameFiltersWithinTheLimitsFilterNormally() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            StringBuilder query = new StringBuilder("/metrics?name[]=jaxrs_exporter_info");
            for (int i = 0; i < 200; i++) {
                query.append("&name[]=absent_").append(i);
            }
            HttpResponse<String> response = app.get(query.toString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("# HELP jaxrs_exporter_info").doesNotContain("jaxrs_http");
        }
    }

    @Test
    void acceptHeaderOfHundredsOfUnknownTypesGetsText() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            StringBuilder accept = new StringBuilder("application/x-unknown-0");
            for (int i = 1; i < 150; i++) { // about 6 KiB: under the server's 8 KiB header limit
                accept.append(", application/x-unknown-").append(i).append(";q=0.").append(i % 10);
            }
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/metrics"))
                    .header("Accept", accept.toString()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(response)).isEqualTo(ContentType.parse(TEXT));
        }
    }

    @Test
    void unparseableAcceptHeaderIsABadRequestWithoutStackTrace() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/metrics"))
                    .header("Accept", "x/".repeat(2000) + ";q=;;;version=\u00e9"));

            // the runtime's content negotiation refuses it, as it would for any resource
            assertThat(response.statusCode()).isEqualTo(400);
            assertNoStackTrace(response);
            assertThat(response.body()).doesNotContain("jaxrs_");
        }
    }

    @Test
    void garbageAcceptEncodingGetsAnUncompressedBody() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/metrics"))
                    .header("Accept-Encoding", "gzop;q=2, *;q=-1, \u00e9"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(response.body()).contains("jaxrs_exporter_info");
        }
    }

    @Test
    void postToTheEndpointIsMethodNotAllowed() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            HttpResponse<String> response = app.request("POST", "/metrics");

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.body()).doesNotContain("jaxrs_");
        }
    }
}
