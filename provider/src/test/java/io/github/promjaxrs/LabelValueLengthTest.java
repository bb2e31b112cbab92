package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code maxLabelValueLength}: a label value a request decides is cut to that many characters, so
 * neither the number nor the size of series grows without bound whatever clients send. A cut
 * value is the value's first {@code maxLabelValueLength} characters, one fewer where the cut would
 * split a surrogate pair. Values the application fixes (static labels, templates) are not cut.
 */
class LabelValueLengthTest {

    private static final String TOTAL = "jaxrs_http_request_total";
    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    /** The {@code X-Client} header, as a provider sees it. */
    public static class ClientHeader implements LabelValue {
        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            return request.getHeaderString("X-Client");
        }
    }

    @Path("/long")
    public static class LongLabels {
        @GET
        @Path("{id}")
        @Counted(name = "by_request", labels = {
            @Label(name = "id", pathParam = "id"),
            @Label(name = "q", queryParam = "q"),
            @Label(name = "client", header = "X-Client"),
            @Label(name = "provided", provider = ClientHeader.class),
            @Label(name = "path", from = Label.Source.PATH)})
        public String byRequest(@PathParam("id") String id) {
            return "ok";
        }

        @GET
        @Path("fixed/{section}")
        @Counted(name = "by_application", labels = {
            @Label(name = "team", value = "a-team-name-longer-than-the-limit"),
            @Label(name = "template", from = Label.Source.TEMPLATE),
            @Label(name = "endpoint", from = Label.Source.ENDPOINT)})
        public String byApplication(@PathParam("section") String section) {
            return "ok";
        }
    }

    @Test
    void rawPathGroupLongerThanTheLimitIsCut() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.PATH).maxLabelValueLength(10), ItemsResource.class)) {
            app.get("/items/1234567890");

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",path=\"/items/123\",status=\"200\"} 1");
        }
    }

    @Test
    void customGroupLongerThanTheLimitIsCut() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.custom("client", r -> r.getHeaderString("X-Client")))
                .maxLabelValueLength(8), ItemsResource.class)) {
            app.send(HttpRequest.newBuilder(app.uri("/items")).header("X-Client", "abcdefghijkl"));

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{client=\"abcdefgh\",method=\"GET\",status=\"200\"} 1");
        }
    }

    @Test
    void defaultLabelValueLongerThanTheLimitIsCutOnEveryDefaultMetric() {
        try (TestApp app = TestApp.start(b -> b.defaultLabel("client", new ClientHeader()).maxLabelValueLength(8),
                ItemsResource.class)) {
            app.send(HttpRequest.newBuilder(app.uri("/items")).header("X-Client", "abcdefghijkl"));

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{client=\"abcdefgh\",method=\"GET\",path=\"/items\",status=\"200\"} 1");
            assertThat(app.lines(TOTAL)).containsExactly(
                    TOTAL + "{client=\"abcdefgh\",method=\"GET\",status=\"200\"} 1.0");
        }
    }

    @Test
    void annotationLabelsFromTheRequestAreCut() {
        try (TestApp app = TestApp.start(b -> b.maxLabelValueLength(8), LongLabels.class)) {
            app.send(HttpRequest.newBuilder(app.uri("/long/1234567890?q=qwertyuiop")).header("X-Client", "abcdefghijkl"));

            assertThat(app.lines("by_request_total")).containsExactly("by_request_total{client=\"abcdefgh\","
                    + "id=\"12345678\",path=\"/long/12\",provided=\"abcdefgh\",q=\"qwertyui\"} 1.0");
        }
    }

    @Test
    void valuesTheApplicationFixesAreNotCut() {
        try (TestApp app = TestApp.start(b -> b.maxLabelValueLength(8), LongLabels.class)) {
            app.get("/long/fixed/x");

            assertThat(app.lines("by_application_total")).containsExactly("by_application_total{"
                    + "endpoint=\"LongLabels.byApplication\",team=\"a-team-name-longer-than-the-limit\","
                    + "template=\"/long/fixed/{section}\"} 1.0");
        }
    }

    @Test
    void valuesAtTheLimitAreKept() {
        try (TestApp app = TestApp.start(b -> b.maxLabelValueLength(8), LongLabels.class)) {
            app.send(HttpRequest.newBuilder(app.uri("/long/12345678?q=qwertyui")).header("X-Client", "abcdefgh"));

            assertThat(app.lines("by_request_total")).containsExactly("by_request_total{client=\"abcdefgh\","
                    + "id=\"12345678\",path=\"/long/12\",provided=\"abcdefgh\",q=\"qwertyui\"} 1.0");
        }
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        // U+1F600 is two chars: a cut after 4 chars would keep half of it
        String value = "abc\uD83D\uDE00def";
        try (TestApp app = TestApp.start(b -> b.maxLabelValueLength(4), LongLabels.class)) {
            app.get("/long/1?q=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            app.get("/long/1?q=" + URLEncoder.encode("ab\uD83D\uDE00def", StandardCharsets.UTF_8));

            assertThat(app.lines("by_request_total")).containsExactlyInAnyOrder(
                    "by_request_total{client=\"\",id=\"1\",path=\"/lon\",provided=\"\",q=\"abc\"} 1.0",
                    "by_request_total{client=\"\",id=\"1\",path=\"/lon\",provided=\"\",q=\"ab\uD83D\uDE00\"} 1.0");
        }
    }

    @Test
    void theDefaultLimitIs1024Characters() {
        String value = "x".repeat(3000);
        try (TestApp app = TestApp.start(LongLabels.class)) {
            app.get("/long/1?q=" + value);

            assertThat(app.lines("by_request_total")).containsExactly("by_request_total{client=\"\",id=\"1\","
                    + "path=\"/long/1\",provided=\"\",q=\"" + "x".repeat(1024) + "\"} 1.0");
        }
    }
}
