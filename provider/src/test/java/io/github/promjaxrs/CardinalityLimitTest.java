package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.fixture.CapturedLogs;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Past {@code cardinalityLimit} combinations a metric records into one OVERFLOW series. */
class CardinalityLimitTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";
    private static final String OVERFLOWS = "jaxrs_exporter_cardinality_overflow_total";

    @Path("/users")
    public static class UsersResource {
        @GET
        @Path("{id}")
        @Counted(name = "user_views", labels = {
            @Label(name = "id", pathParam = "id"), @Label(name = "team", value = "accounts")})
        public String get(@PathParam("id") String id) {
            return "user " + id;
        }
    }

    @Test
    void pathGroupingPastTheLimitRecordsIntoOneOverflowSeries() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.PATH).cardinalityLimit(3), ItemsResource.class)) {
            for (int i = 1; i <= 10; i++) {
                app.get("/items/" + i);
            }

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/items/1\",status=\"200\"} 1",
                    COUNT + "{method=\"GET\",path=\"/items/2\",status=\"200\"} 1",
                    COUNT + "{method=\"GET\",path=\"/items/3\",status=\"200\"} 1",
                    COUNT + "{method=\"OVERFLOW\",path=\"OVERFLOW\",status=\"OVERFLOW\"} 7");
        }
    }

    @Test
    void overflowsAreCountedPerMetric() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.PATH).cardinalityLimit(3), ItemsResource.class)) {
            for (int i = 1; i <= 10; i++) {
                app.get("/items/" + i);
            }

            assertThat(app.lines(OVERFLOWS))
                    .containsExactly(OVERFLOWS + "{metric=\"jaxrs_http_request_duration_seconds\"} 7.0");
        }
    }

    @Test
    void theFirstOverflowOfEachMetricIsLoggedOnce() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.PATH).cardinalityLimit(3), ItemsResource.class)) {
            for (int i = 1; i <= 10; i++) {
                app.get("/items/" + i);
            }

            assertThat(CapturedLogs.messages()).filteredOn(m -> m.contains("cardinality limit")).containsExactly(
                    "io.github.promjaxrs.internal.recording.CardinalityOverflows WARNING: promjaxrs: metric "
                    + "jaxrs_http_request_duration_seconds reached its cardinality limit of 3 label-value combinations;"
                    + " further new combinations are recorded with the value OVERFLOW (logged once per metric)");
        }
    }

    @Test
    void staticDefaultLabelsKeepTheirValueInTheOverflowSeries() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.PATH).cardinalityLimit(1)
                .defaultLabel("service", "catalog"), ItemsResource.class)) {
            app.get("/items/1");
            app.get("/items/2");

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/items/1\",service=\"catalog\",status=\"200\"} 1",
                    COUNT + "{method=\"OVERFLOW\",path=\"OVERFLOW\",service=\"catalog\",status=\"OVERFLOW\"} 1");
        }
    }

    @Test
    void dynamicDefaultLabelsAreLimited() {
        try (TestApp app = TestApp.start(b -> b.cardinalityLimit(2)
                .defaultLabel("client", (req, resp) -> req.getHeaderString("X-Client")), ItemsResource.class)) {
            for (String client : new String[] {"a", "b", "c", "d"}) {
                app.send(HttpRequest.newBuilder(app.uri("/items")).header("X-Client", client));
            }

            assertThat(app.lines("jaxrs_http_request_total")).containsExactlyInAnyOrder(
                    "jaxrs_http_request_total{client=\"a\",method=\"GET\",status=\"200\"} 1.0",
                    "jaxrs_http_request_total{client=\"b\",method=\"GET\",status=\"200\"} 1.0",
                    "jaxrs_http_request_total{client=\"OVERFLOW\",method=\"OVERFLOW\",status=\"OVERFLOW\"} 2.0");
        }
    }

    @Test
    void customGroupByIsLimited() {
        try (TestApp app = TestApp.start(b -> b.cardinalityLimit(1)
                .groupBy(GroupBy.custom("tenant", req -> req.getHeaderString("X-Tenant"))), ItemsResource.class)) {
            app.send(HttpRequest.newBuilder(app.uri("/items")).header("X-Tenant", "t1"));
            app.send(HttpRequest.newBuilder(app.uri("/items")).header("X-Tenant", "t2"));

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",status=\"200\",tenant=\"t1\"} 1",
                    COUNT + "{method=\"OVERFLOW\",status=\"OVERFLOW\",tenant=\"OVERFLOW\"} 1");
        }
    }

    @Test
    void annotationMetricsAreLimitedAndKeepTheirStaticLabels() {
        try (TestApp app = TestApp.start(b -> b.cardinalityLimit(2), UsersResource.class)) {
            for (int i = 1; i <= 5; i++) {
                app.get("/users/" + i);
            }

            assertThat(app.lines("user_views_total")).containsExactlyInAnyOrder(
                    "user_views_total{id=\"1\",team=\"accounts\"} 1.0",
                    "user_views_total{id=\"2\",team=\"accounts\"} 1.0",
                    "user_views_total{id=\"OVERFLOW\",team=\"accounts\"} 3.0");
            assertThat(app.lines(OVERFLOWS)).containsExactly(OVERFLOWS + "{metric=\"user_views\"} 3.0");
        }
    }

    @Test
    void templateGroupingUnderTheLimitNeverOverflows() {
        try (TestApp app = TestApp.start(b -> b.cardinalityLimit(5), ItemsResource.class)) {
            for (int i = 1; i <= 20; i++) {
                app.get("/items/" + i);
                app.get("/nothing/" + i);
            }

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 20",
                    COUNT + "{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 20");
            assertThat(app.lines(OVERFLOWS)).isEmpty();
        }
    }

    @Test
    void prefixApplies() {
        try (TestApp app = TestApp.start(b -> b.defaultsPrefix("shop").groupBy(GroupBy.PATH).cardinalityLimit(1),
                ItemsResource.class)) {
            app.get("/items/1");
            app.get("/items/2");

            assertThat(app.lines("shop_exporter_cardinality_overflow_total"))
                    .containsExactly("shop_exporter_cardinality_overflow_total{metric=\"shop_http_request_duration_seconds\"} 1.0");
        }
    }
}
