package io.github.promjaxrs.benchmarks;

import io.github.promjaxrs.PrometheusMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The RESTEasy variants of {@link Instrumentation}, each on an in-memory {@link InMemoryResteasy}. */
final class ResteasyApplications {

    private ResteasyApplications() {
    }

    static InstrumentedApplication start(Instrumentation variant) {
        switch (variant) {
            case RESTEASY_NONE:
                return new InstrumentedApplication(new InMemoryResteasy(null, ItemResource.class), null);
            case RESTEASY_PROMJAXRS: {
                PrometheusRegistry registry = new PrometheusRegistry();
                InMemoryResteasy server = new InMemoryResteasy(PrometheusMetrics.builder().registry(registry).build(),
                        ItemResource.class);
                return new InstrumentedApplication(server, () -> Counts.counter(registry, "jaxrs_http_request_total"));
            }
            case RESTEASY_NOOP_FILTERS:
                return new InstrumentedApplication(new InMemoryResteasy(new NoOpFilters(), ItemResource.class), null);
            case RESTEASY_FLOOR: {
                PrometheusRegistry registry = new PrometheusRegistry();
                return new InstrumentedApplication(new InMemoryResteasy(new FloorFilters(registry), ItemResource.class),
                        () -> Counts.counter(registry, "jaxrs_http_request_total"));
            }
            default:
                throw new IllegalArgumentException(variant + " is not a RESTEasy variant");
        }
    }
}
