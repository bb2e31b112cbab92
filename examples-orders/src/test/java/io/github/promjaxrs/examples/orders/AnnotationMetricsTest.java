package io.github.promjaxrs.examples.orders;

import static io.github.promjaxrs.examples.orders.TestHttp.get;
import static io.github.promjaxrs.examples.orders.TestHttp.metricLines;
import static io.github.promjaxrs.examples.orders.TestHttp.post;
import static io.github.promjaxrs.examples.orders.TestHttp.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example's own metrics, from its annotations: {@link TrackedOperation} (composed), the
 * {@code @Counted}, {@code @Timed} and {@code @InProgress} on its resources with labels from a
 * query parameter, a header, a path parameter and the status, and {@link CountedByClient}
 * (given to {@code registerDefault}, with a {@link ClientKind} provider).
 */
@Tag(RuntimeUnderTest.TAG)
class AnnotationMetricsTest {

    private static final String CURL = "curl/8.5.0";

    @Test
    void exportsGaugesWithoutLabelsBeforeAnyRequestAndLabelledMetricsOnlyOnceUsed() {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            List<String> metrics = metricLines(server.uri("/metrics"));

            assertThat(metrics).contains("orders_reports_in_progress 0.0", "orders_shipping_estimates_in_progress 0.0");
            assertThat(metrics).noneMatch(line -> line.startsWith("orders_operations_total")
                    || line.startsWith("orders_listings_total") || line.startsWith("orders_requests_by_client_total"));
        }
    }

    @Test
    void trackedOperationsCountByOperationAndStatusAndTimeByOperation() {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            assertThat(postForm(server.uri("/orders"), "item=widget&quantity=2", "X-Channel", "mobile").statusCode())
                    .isEqualTo(201);
            assertThat(postForm(server.uri("/orders"), "item=widget&quantity=0").statusCode()).isEqualTo(400);
            assertThat(post(server.uri("/orders/2/cancel")).statusCode()).isEqualTo(409);
            assertThat(get(server.uri("/orders/1/shipping")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri("/orders/1")).statusCode()).isEqualTo(200); // not a tracked operation

            List<String> metrics = metricLines(server.uri("/metrics"));
            assertThat(metrics).filteredOn(line -> line.startsWith("orders_operations_total")).containsExactlyInAnyOrder(
                    "orders_operations_total{operation=\"OrdersResource.cancel\",status=\"409\"} 1.0",
                    "orders_operations_total{operation=\"OrdersResource.create\",status=\"201\"} 1.0",
                    "orders_operations_total{operation=\"OrdersResource.create\",status=\"400\"} 1.0",
                    "orders_operations_total{operation=\"OrdersResource.shipping\",status=\"200\"} 1.0");
            assertThat(metrics).contains(
                    "orders_operation_duration_seconds_count{operation=\"OrdersResource.create\"} 2",
                    "orders_operation_duration_seconds_bucket{operation=\"OrdersResource.cancel\",le=\"+Inf\"} 1",
                    "orders_operation_duration_seconds_count{operation=\"OrdersResource.shipping\"} 1",
                    // a header label: the second request had no X-Channel header
                    "orders_create_requests_total{channel=\"mobile\",status=\"201\"} 1.0",
                    "orders_create_requests_total{channel=\"\",status=\"400\"} 1.0",
                    // the async estimate is finished: the gauge is back to 0
                    "orders_shipping_estimates_in_progress 0.0");
            // the operation histogram has the buckets its annotation declares, not the default ones
            assertThat(metrics).filteredOn(line -> line.startsWith(
                            "orders_operation_duration_seconds_bucket{operation=\"OrdersResource.create\""))
                    .extracting(line -> line.substring(line.indexOf("le=\"") + 4, line.indexOf("\"}")))
                    .containsExactly("0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "+Inf");
        }
    }

    @Test
    void labelsListingsByQueryParameterAndReportsByPathParameter() {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            assertThat(get(server.uri("/orders?status=shipped")).body()).isEqualTo("order 2 SHIPPED: 100 x bolt\n");
            assertThat(get(server.uri("/orders?status=bogus")).statusCode()).isEqualTo(400);
            assertThat(get(server.uri("/orders")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri("/reports/daily")).body()).startsWith("daily report, computed in ");
            assertThat(get(server.uri("/reports/monthly")).statusCode()).isEqualTo(404); // not in the template

            List<String> metrics = metricLines(server.uri("/metrics"));
            assertThat(metrics).contains(
                    "orders_listings_total{filter=\"shipped\",status=\"200\"} 1.0",
                    "orders_listings_total{filter=\"bogus\",status=\"400\"} 1.0",
                    "orders_listings_total{filter=\"\",status=\"200\"} 1.0",
                    "orders_report_duration_seconds_count{period=\"daily\"} 1",
                    "orders_reports_in_progress 0.0",
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/reports/{period}\",service=\"orders\","
                            + "status=\"200\"} 1");
            assertThat(metrics).filteredOn(line -> line.startsWith("orders_report_duration_seconds{"))
                    .extracting(line -> line.substring(0, line.lastIndexOf(' ')))
                    .containsExactly(
                            "orders_report_duration_seconds{period=\"daily\",quantile=\"0.5\"}",
                            "orders_report_duration_seconds{period=\"daily\",quantile=\"0.9\"}",
                            "orders_report_duration_seconds{period=\"daily\",quantile=\"0.99\"}");
        }
    }

    @Test
    void countsEveryEndpointByClientExceptExcludedOnes() {
        try (OrdersServer server = RuntimeUnderTest.start(Settings.loopback(0, new PrometheusRegistry()))) {
            get(server.uri("/orders/1"), "User-Agent", CURL);
            get(server.uri("/orders/1"), "User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
            get(server.uri("/ready"), "User-Agent", CURL);  // @DoNotTrack: still counted by registerDefault
            get(server.uri("/health"), "User-Agent", CURL); // excludedPaths: not counted
            get(server.uri("/live"), "User-Agent", CURL);   // @ExcludeAllMetrics: not counted
            get(server.uri("/orders/1"), "User-Agent", "Prometheus/2.42.0");

            List<String> metrics = metricLines(server.uri("/metrics"), "User-Agent", CURL);
            assertThat(metrics).filteredOn(line -> line.startsWith("orders_requests_by_client_total"))
                    .containsExactlyInAnyOrder(
                            "orders_requests_by_client_total{client=\"browser\",method=\"GET\"} 1.0",
                            "orders_requests_by_client_total{client=\"curl\",method=\"GET\"} 2.0",
                            "orders_requests_by_client_total{client=\"prometheus\",method=\"GET\"} 1.0");
            assertThat(metrics).noneMatch(line -> line.contains("/ready") || line.contains("/live"));
        }
    }
}
