package io.github.promjaxrs.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.jersey3.InstrumentedResourceMethodApplicationListener;
import io.github.promjaxrs.Conventions;
import io.github.promjaxrs.PrometheusMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.ResourceConfig;

/** The Jersey variants of {@link Instrumentation}, each on an in-memory {@link InMemoryJersey}. */
final class JerseyApplications {

    private JerseyApplications() {
    }

    static InstrumentedApplication start(Instrumentation variant) {
        Configured configured = configure(variant);
        return new InstrumentedApplication(new InMemoryJersey(configured.config()), configured.recorded());
    }

    /**
     * A variant's application before it is served, and the count of requests its library has recorded
     * (null for the variants without metrics).
     */
    record Configured(ResourceConfig config, LongSupplier recorded) {
    }

    static Configured configure(Instrumentation variant) {
        switch (variant) {
            case NONE:
                return new Configured(new ResourceConfig(ItemResource.class), null);
            case PROMJAXRS:
                return promjaxrs(ItemResource.class, PrometheusMetrics.builder(), "jaxrs_http_request_total");
            case PROMJAXRS_NO_ENDPOINT:
                return promjaxrs(ItemResource.class, PrometheusMetrics.builder().path(null), "jaxrs_http_request_total");
            case PROMJAXRS_ANNOTATED: {
                PrometheusRegistry registry = new PrometheusRegistry();
                ResourceConfig config = new ResourceConfig(AnnotatedItemResource.class)
                        .register(PrometheusMetrics.builder().registry(registry).build());
                return new Configured(config, () -> {
                    long defaults = Counts.counter(registry, "jaxrs_http_request_total");
                    long annotated = Counts.counter(registry, AnnotatedItemResource.COUNTER);
                    // both must move: report the lesser, so either one missing a request shows
                    return Math.min(defaults, annotated);
                });
            }
            case PROMJAXRS_OPENTELEMETRY: {
                PrometheusRegistry registry = new PrometheusRegistry();
                ResourceConfig config = new ResourceConfig(ItemResource.class).register(PrometheusMetrics.builder()
                        .registry(registry).conventions(Conventions.OPENTELEMETRY).build());
                return new Configured(config,
                        () -> Counts.histogramCount(registry, "http_server_request_duration_seconds"));
            }
            case MICROMETER: {
                SimpleMeterRegistry registry = new SimpleMeterRegistry();
                ResourceConfig config = new ResourceConfig(ItemResource.class).register(
                        new MetricsApplicationEventListener(registry, new DefaultJerseyTagsProvider(),
                                "http.server.requests", true));
                return new Configured(config,
                        () -> registry.find("http.server.requests").timers().stream().mapToLong(t -> t.count()).sum());
            }
            case DROPWIZARD: {
                MetricRegistry registry = new MetricRegistry();
                ResourceConfig config = new ResourceConfig(DropwizardItemResource.class)
                        .register(new InstrumentedResourceMethodApplicationListener(registry));
                return new Configured(config,
                        () -> registry.getTimers().values().stream().mapToLong(Timer::getCount).sum());
            }
            case FLOOR: {
                PrometheusRegistry registry = new PrometheusRegistry();
                ResourceConfig config = new ResourceConfig(ItemResource.class).register(new FloorFilters(registry));
                return new Configured(config, () -> Counts.counter(registry, "jaxrs_http_request_total"));
            }
            default:
                throw new IllegalArgumentException(variant + " is not a Jersey variant");
        }
    }

    private static Configured promjaxrs(Class<?> resource, PrometheusMetrics.Builder builder, String counter) {
        PrometheusRegistry registry = new PrometheusRegistry();
        ResourceConfig config = new ResourceConfig(resource).register(builder.registry(registry).build());
        return new Configured(config, () -> Counts.counter(registry, counter));
    }
}
