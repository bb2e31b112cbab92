package io.github.promjaxrs.benchmarks;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * The least filters can do to record what promjaxrs' defaults record, from a pre-matching request
 * filter and a response filter: read the clock, keep the start as a request property, and at the
 * end read the clock again and update the default metrics' histogram and counter, their one series
 * resolved in advance (no template, method or status looked up) and without exemplars (as
 * promjaxrs builds its metrics where no tracer is present). promjaxrs' cost above this is its own
 * bookkeeping.
 */
@PreMatching
public final class FloorFilters implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = FloorFilters.class.getName();

    private final DistributionDataPoint duration;
    private final CounterDataPoint total;

    FloorFilters(PrometheusRegistry registry) {
        duration = Histogram.builder().name("jaxrs_http_request_duration_seconds").labelNames("method", "path", "status")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .classicOnly().withoutExemplars().register(registry).labelValues("GET", "/items/{id}", "200");
        total = Counter.builder().name("jaxrs_http_request_total").labelNames("method", "status").withoutExemplars()
                .register(registry).labelValues("GET", "200");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(START) instanceof Long start) {
            duration.observe((System.nanoTime() - start) / 1e9);
            total.inc();
        }
    }
}
