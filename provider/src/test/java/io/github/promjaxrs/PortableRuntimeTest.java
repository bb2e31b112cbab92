package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.promjaxrs.fixture.ContentType;
import io.github.promjaxrs.fixture.ForbidAllFilter;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.OrdersResource;
import io.github.promjaxrs.fixture.TestApp;
import io.github.promjaxrs.internal.runtime.portable.PortableRuntimeAdapter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.core.UriInfo;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * SPEC "Runtimes": where no runtime-specific hook is available, the Jakarta REST API alone still
 * serves the endpoint and records requests under their templates. The portable adapter runs here
 * on the real runtime under test, as it would on a runtime promjaxrs has no adapter for.
 */
class PortableRuntimeTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    private static TestApp start(Consumer<PrometheusMetrics.Builder> settings) {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics.Builder builder = PrometheusMetrics.builder().registry(registry);
        settings.accept(builder);
        return TestApp.startWith(registry, null, builder.build().installedWith(new PortableRuntimeAdapter()),
                ItemsResource.class, OrdersResource.class);
    }

    @Test
    void theEndpointIsServedByAFilter() {
        try (TestApp app = start(b -> { })) {
            app.get("/items/1");

            HttpResponse<String> scrape = app.get("/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(ContentType.of(scrape)).isEqualTo(ContentType.parse(TEXT));
            assertThat(scrape.body()).contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0\n");
        }
    }

    @Test
    void theEndpointsRequestsAreRecordedUnderItsPath() {
        try (TestApp app = start(b -> { })) {
            app.get("/metrics");

            assertThat(app.lines(COUNT)).containsExactly(COUNT + "{method=\"GET\",path=\"/metrics\",status=\"200\"} 1");
        }
    }

    @Test
    void theEndpointFilterGuardsTheEndpoint() {
        try (TestApp app = start(b -> b.metricsEndpointFilter(new ForbidAllFilter()))) {
            HttpResponse<String> scrape = app.get("/metrics");

            assertThat(scrape.statusCode()).isEqualTo(403);
            assertThat(scrape.body()).doesNotContain("jaxrs_");
        }
    }

    @Test
    void otherRequestsPassTheEndpointFilter() {
        try (TestApp app = start(b -> { })) {
            assertThat(app.get("/items/5").body()).isEqualTo("item 5");
            assertThat(app.request("POST", "/metrics").statusCode()).isIn(404, 405);
        }
    }

    @Test
    void aRootResourceMethodIsRecordedUnderItsTemplate() {
        try (TestApp app = start(b -> { })) {
            app.get("/items/1");
            app.get("/nowhere");

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1",
                    COUNT + "{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 1");
        }
    }

    @Test
    void onJakartaRest40ALocatorRequestIsRecordedUnderTheFullTemplate() {
        assumeTrue(Arrays.stream(UriInfo.class.getMethods()).anyMatch(m -> m.getName().equals("getMatchedResourceTemplate")),
                "UriInfo.getMatchedResourceTemplate() is Jakarta REST 4.0's");
        try (TestApp app = start(b -> { })) {
            app.get("/orders/7/lines/2");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/orders/{id}/lines/{line}\",status=\"200\"} 1");
        }
    }

    @Test
    void onJakartaRest31ALocatorRequestIsRecordedUnderItsMethodsOwnTemplate() {
        assumeTrue(Arrays.stream(UriInfo.class.getMethods()).noneMatch(m -> m.getName().equals("getMatchedResourceTemplate")),
                "on Jakarta REST 4.0 the template is the full one (the test above)");
        try (TestApp app = start(b -> { })) {
            app.get("/orders/7/lines/2");

            assertThat(app.lines(COUNT)).containsExactly(COUNT + "{method=\"GET\",path=\"/{line}\",status=\"200\"} 1");
        }
    }
}
