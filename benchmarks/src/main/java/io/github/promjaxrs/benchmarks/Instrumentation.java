package io.github.promjaxrs.benchmarks;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.codahale.metrics.jersey3.InstrumentedResourceMethodApplicationListener;
import io.github.promjaxrs.Conventions;
import io.github.promjaxrs.PrometheusMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.glassfish.jersey.micrometer.server.DefaultJerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The ways of instrumenting the same templated GET that the request benchmark compares. Each
 * {@link #start} builds a fresh application on fresh registries, so variants never share state.
 */
public enum Instrumentation {

    NONE("no metrics") {
        @Override
        InstrumentedApplication start() {
            return new InstrumentedApplication(jersey(new ResourceConfig(ItemResource.class)), null);
        }
    },
    PROMJAXRS("promjaxrs defaults") {
        @Override
        InstrumentedApplication start() {
            PrometheusRegistry registry = new PrometheusRegistry();
            ResourceConfig config = new ResourceConfig(ItemResource.class)
                    .register(PrometheusMetrics.builder().registry(registry).build());
            return new InstrumentedApplication(jersey(config), () -> counter(registry, "jaxrs_http_request_total"));
        }
    },
    /**
     * The defaults without the metrics endpoint in the application ({@code path(null)}): every
     * request Jersey matches against {@code /metrics} first pays for that miss, as it would for
     * any other root resource tried first, so this separates the cost of the filters from it.
     */
    PROMJAXRS_NO_ENDPOINT("promjaxrs defaults, endpoint not in the application (`path(null)`)") {
        @Override
        InstrumentedApplication start() {
            PrometheusRegistry registry = new PrometheusRegistry();
            ResourceConfig config = new ResourceConfig(ItemResource.class)
                    .register(PrometheusMetrics.builder().registry(registry).path(null).build());
            return new InstrumentedApplication(jersey(config), () -> counter(registry, "jaxrs_http_request_total"));
        }
    },
    PROMJAXRS_ANNOTATED("promjaxrs defaults + @Counted @Timed, path-param @Label") {
        @Override
        InstrumentedApplication start() {
            PrometheusRegistry registry = new PrometheusRegistry();
            ResourceConfig config = new ResourceConfig(AnnotatedItemResource.class)
                    .register(PrometheusMetrics.builder().registry(registry).build());
            return new InstrumentedApplication(jersey(config), () -> {
                long defaults = counter(registry, "jaxrs_http_request_total");
                long annotated = counter(registry, AnnotatedItemResource.COUNTER);
                // both must move: report the lesser, so either one missing a request shows
                return Math.min(defaults, annotated);
            });
        }
    },
    PROMJAXRS_OPENTELEMETRY("promjaxrs defaults, `Conventions.OPENTELEMETRY`") {
        @Override
        InstrumentedApplication start() {
            PrometheusRegistry registry = new PrometheusRegistry();
            ResourceConfig config = new ResourceConfig(ItemResource.class).register(PrometheusMetrics.builder()
                    .registry(registry).conventions(Conventions.OPENTELEMETRY).build());
            return new InstrumentedApplication(jersey(config),
                    () -> histogramCount(registry, "http_server_request_duration_seconds"));
        }
    },
    MICROMETER("Jersey's Micrometer listener (SimpleMeterRegistry)") {
        @Override
        InstrumentedApplication start() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ResourceConfig config = new ResourceConfig(ItemResource.class).register(new MetricsApplicationEventListener(
                    registry, new DefaultJerseyTagsProvider(), "http.server.requests", true));
            return new InstrumentedApplication(jersey(config),
                    () -> registry.find("http.server.requests").timers().stream().mapToLong(t -> t.count()).sum());
        }
    },
    DROPWIZARD("Dropwizard metrics-jersey3, @Timed") {
        @Override
        InstrumentedApplication start() {
            MetricRegistry registry = new MetricRegistry();
            ResourceConfig config = new ResourceConfig(DropwizardItemResource.class)
                    .register(new InstrumentedResourceMethodApplicationListener(registry));
            return new InstrumentedApplication(jersey(config),
                    () -> registry.getTimers().values().stream().mapToLong(Timer::getCount).sum());
        }
    };

    private final String description;

    Instrumentation(String description) {
        this.description = description;
    }

    /** What the results table calls this variant. */
    public String description() {
        return description;
    }

    abstract InstrumentedApplication start();

    private static InMemoryJersey jersey(ResourceConfig config) {
        return new InMemoryJersey(config);
    }

    /** The count of a histogram over all its series. */
    static long histogramCount(PrometheusRegistry registry, String name) {
        long sum = 0;
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof HistogramSnapshot histogram && histogram.getMetadata().getName().equals(name)) {
                for (HistogramSnapshot.HistogramDataPointSnapshot point : histogram.getDataPoints()) {
                    sum += point.getCount();
                }
            }
        }
        return sum;
    }

    /** The sum of a counter over all its series; client_java names counters without {@code _total}. */
    static long counter(PrometheusRegistry registry, String name) {
        String base = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        long sum = 0;
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot instanceof CounterSnapshot counter && counter.getMetadata().getName().equals(base)) {
                for (CounterSnapshot.CounterDataPointSnapshot point : counter.getDataPoints()) {
                    sum += (long) point.getValue();
                }
            }
        }
        return sum;
    }
}
