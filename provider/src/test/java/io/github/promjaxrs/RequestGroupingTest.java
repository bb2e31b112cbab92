package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.MiscResource;
import io.github.promjaxrs.fixture.OrdersResource;
import io.github.promjaxrs.fixture.TestApp;
import org.junit.jupiter.api.Test;

/** Which series a request lands in: method, group label and status. */
class RequestGroupingTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    @Test
    void requestIsCountedByMethodAndStatus() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.hit("/items", 2);

            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 2.0");
        }
    }

    @Test
    void latencyIsGroupedByTemplateWithRegexConstraintsStripped() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items/1");
            app.get("/items/22");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 2");
        }
    }

    @Test
    void templateOfSubResourceLocatorIncludesTheLocatorPath() {
        try (TestApp app = TestApp.start(OrdersResource.class)) {
            app.get("/orders/7/lines/3");
            app.get("/orders/8/lines/4");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/orders/{id}/lines/{line}\",status=\"200\"} 2");
        }
    }

    @Test
    void rootResourceMethodBesideALocatorKeepsItsOwnTemplate() {
        try (TestApp app = TestApp.start(OrdersResource.class)) {
            app.get("/orders/7");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/orders/{id}\",status=\"200\"} 1");
        }
    }

    @Test
    void unmatchedPathsShareOneUnmatchedSeries() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/nothing/here");
            app.get("/items/not-a-number");
            app.get("/secret/../../etc/passwd");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 3");
        }
    }

    @Test
    void methodNotAllowedIsUnmatched() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            assertThat(app.request("DELETE", "/items/1").statusCode()).isEqualTo(405);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"DELETE\",path=\"UNMATCHED\",status=\"405\"} 1");
        }
    }

    @Test
    void automaticOptionsResponseIsUnmatched() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            assertThat(app.request("OPTIONS", "/items").statusCode()).isEqualTo(200);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"OPTIONS\",path=\"UNMATCHED\",status=\"200\"} 1");
        }
    }

    @Test
    void headOnAGetMethodKeepsTheTemplate() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.request("HEAD", "/items/5");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"HEAD\",path=\"/items/{id}\",status=\"200\"} 1");
        }
    }

    @Test
    void inventedMethodsBecomeOther() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.request("FOO", "/items/1");
            app.request("BAR", "/items/1");

            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"_OTHER\",status=\"405\"} 2.0");
        }
    }

    @Test
    void methodDeclaredWithHttpMethodKeepsItsName() {
        try (TestApp app = TestApp.start(MiscResource.class)) {
            app.request("PURGE", "/cache");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"PURGE\",path=\"/cache\",status=\"200\"} 1");
        }
    }

    @Test
    void groupByPathUsesTheRawPath() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.PATH), ItemsResource.class)) {
            app.get("/items/1");
            app.get("/items/2");

            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{method=\"GET\",path=\"/items/1\",status=\"200\"} 1",
                    COUNT + "{method=\"GET\",path=\"/items/2\",status=\"200\"} 1");
        }
    }

    @Test
    void groupByEndpointUsesClassAndMethodName() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.ENDPOINT), ItemsResource.class)) {
            app.get("/items/1");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{endpoint=\"ItemsResource.get\",method=\"GET\",status=\"200\"} 1");
        }
    }

    @Test
    void groupByEndpointRecordsUnmatchedRequestsAsUnmatched() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.ENDPOINT), ItemsResource.class)) {
            app.get("/nowhere");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{endpoint=\"UNMATCHED\",method=\"GET\",status=\"404\"} 1");
        }
    }

    @Test
    void customGroupByTakesItsLabelAndValueFromTheFunction() {
        try (TestApp app = TestApp.start(
                b -> b.groupBy(GroupBy.custom("api_version", req -> req.getUriInfo().getPath().contains("items")
                        ? "v1" : "other")),
                ItemsResource.class)) {
            app.get("/items/1");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{api_version=\"v1\",method=\"GET\",status=\"200\"} 1");
        }
    }

    @Test
    void customGroupByThatThrowsRecordsErrorAndAnswersNormally() {
        try (TestApp app = TestApp.start(
                b -> b.groupBy(GroupBy.custom("tenant", req -> {
                    throw new IllegalStateException("no tenant");
                })),
                ItemsResource.class)) {
            assertThat(app.get("/items/1").body()).isEqualTo("item 1");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",status=\"200\",tenant=\"ERROR\"} 1");
        }
    }
}
