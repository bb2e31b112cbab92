package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.HiddenRuntime;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.OrdersResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC "Runtimes": a runtime that hides its classes from the application (as Open Liberty hides
 * RESTEasy) is recognised from the objects it hands promjaxrs, and its hooks are used all the
 * same: the runtime under test serves an application whose copy of promjaxrs cannot see it.
 */
class HiddenRuntimeTest {

    private static final PrometheusRegistry REGISTRY = new PrometheusRegistry();
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.startWith(REGISTRY, null, HiddenRuntime.metrics(REGISTRY), ItemsResource.class,
                OrdersResource.class, FailingResource.class, FailingResource.ConflictMapper.class);
        app.get("/items/1");
        app.get("/orders/7/lines/2");
        app.get("/fail/unmapped");
        app.get("/nowhere");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theEndpointIsServed() {
        var response = app.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"}");
    }

    @Test
    void aRootResourceMethodIsRecordedUnderItsTemplate() {
        assertThat(app.lines("jaxrs_http_request_duration_seconds_count"))
                .contains("jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1");
    }

    @Test
    void aRequestThroughALocatorIsRecordedUnderTheFullTemplate() {
        assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).contains(
                "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/orders/{id}/lines/{line}\",status=\"200\"} 1");
    }

    @Test
    void anUnmatchedRequestIsRecordedAsUnmatched() {
        assertThat(app.lines("jaxrs_http_request_duration_seconds_count"))
                .contains("jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 1");
    }

    @Test
    void anUnmappedExceptionIsCounted() {
        assertThat(app.lines("jaxrs_http_request_exceptions_total"))
                .containsExactly("jaxrs_http_request_exceptions_total{method=\"GET\",status=\"500\"} 1.0");
    }
}
