package io.github.promjaxrs.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.PrometheusMetrics;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.OrdersResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;
import org.junit.jupiter.api.Test;

/**
 * RESTEasy's documented way to test resources in memory: a {@code MockDispatcherFactory}
 * dispatcher, the provider registered with its provider factory before the resources are added.
 * The endpoint is served from the first request.
 */
class MockDispatcherTest {

    private static MockHttpResponse get(Dispatcher dispatcher, String path) throws Exception {
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(MockHttpRequest.get(path), response);
        return response;
    }

    private static Dispatcher dispatcher(PrometheusRegistry registry) {
        Dispatcher dispatcher = MockDispatcherFactory.createDispatcher();
        dispatcher.getProviderFactory().register(PrometheusMetrics.builder().registry(registry).build());
        dispatcher.getRegistry().addPerRequestResource(ItemsResource.class);
        dispatcher.getRegistry().addPerRequestResource(OrdersResource.class);
        return dispatcher;
    }

    @Test
    void theFirstRequestCanBeAScrape() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Dispatcher dispatcher = dispatcher(registry);

        MockHttpResponse scrape = get(dispatcher, "/metrics");

        assertThat(scrape.getStatus()).isEqualTo(200);
        assertThat(scrape.getContentAsString()).contains("jaxrs_exporter_info{version=\"");
    }

    @Test
    void requestsAreRecordedUnderTheirTemplates() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Dispatcher dispatcher = dispatcher(registry);

        assertThat(get(dispatcher, "/items/3").getContentAsString()).isEqualTo("item 3");
        get(dispatcher, "/orders/7/lines/2");

        assertThat(TestApp.linesOf(TestApp.exposition(registry), "jaxrs_http_request_duration_seconds_count"))
                .containsExactlyInAnyOrder(
                        "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1",
                        "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/orders/{id}/lines/{line}\",status=\"200\"} 1");
    }

    @Test
    void theScrapeIsText() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Dispatcher dispatcher = dispatcher(registry);
        get(dispatcher, "/items/3");

        MockHttpResponse scrape = get(dispatcher, "/metrics");

        assertThat(new String(scrape.getOutput(), StandardCharsets.UTF_8))
                .contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0\n");
    }
}
