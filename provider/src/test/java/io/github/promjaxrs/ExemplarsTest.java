package io.github.promjaxrs;

import static io.github.promjaxrs.fixture.ContentType.OPENMETRICS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.tracer.common.SpanContext;
import io.prometheus.metrics.tracer.initializer.SpanContextSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trace exemplars come from client_java's own span context support. */
class ExemplarsTest {

    /** A trace that is always current and sampled, as an OpenTelemetry SDK would report one. */
    private static final class CurrentSpan implements SpanContext {
        @Override
        public String getCurrentTraceId() {
            return "4bf92f3577b34da6a3ce929d0e0e4736";
        }

        @Override
        public String getCurrentSpanId() {
            return "00f067aa0ba902b7";
        }

        @Override
        public boolean isCurrentSpanSampled() {
            return true;
        }

        @Override
        public void markCurrentSpanAsExemplar() {
        }
    }

    @AfterEach
    void noTracer() {
        SpanContextSupplier.setSpanContext(null);
    }

    @Test
    void latencyCarriesTheCurrentTraceAsExemplar() {
        SpanContextSupplier.setSpanContext(new CurrentSpan());
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items/1");

            String scrape = app.scrape(OPENMETRICS).body();

            assertThat(scrape).containsPattern(
                    "jaxrs_http_request_duration_seconds_bucket\\{method=\"GET\",path=\"/items/\\{id}\",status=\"200\",le=\"[^\"]+\"} 1 "
                            + "# \\{span_id=\"00f067aa0ba902b7\",trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\"}");
        }
    }

    @Test
    void requestCounterCarriesTheCurrentTraceAsExemplar() {
        SpanContextSupplier.setSpanContext(new CurrentSpan());
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items/1");

            String scrape = app.scrape(OPENMETRICS).body();

            assertThat(scrape).contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0 "
                    + "# {span_id=\"00f067aa0ba902b7\",trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\"}");
        }
    }

    @Test
    void aTracerMustBePresentWhenTheMetricsAreBuilt() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            SpanContextSupplier.setSpanContext(new CurrentSpan());
            app.get("/items/1");

            String scrape = app.scrape(OPENMETRICS).body();

            assertThat(scrape).contains("jaxrs_http_request_total{method=\"GET\",status=\"200\"} 1.0\n");
            assertThat(scrape).doesNotContain("trace_id");
        }
    }

    @Test
    void withoutATracerNoExemplarIsAdded() {
        try (TestApp app = TestApp.start(ItemsResource.class)) {
            app.get("/items/1");

            String scrape = app.scrape(OPENMETRICS).body();

            assertThat(scrape).doesNotContain("trace_id");
        }
    }
}
