package io.github.promjaxrs;

import io.github.promjaxrs.internal.binding.ConfigProperties;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link PrometheusMetrics} for an application that registers it by class name, with no code:
 * in {@code jersey.config.server.provider.classnames}, RESTEasy's {@code resteasy.providers},
 * {@code Application.getClasses()} or by provider scanning. Every setting comes from the
 * {@code promjaxrs.*} configuration properties (see {@link PrometheusMetrics.Builder#build()});
 * an invalid one fails the application's start.
 *
 * <p>All instances in one class loader whose properties resolve to the same settings share one
 * {@code PrometheusMetrics}, built when the first of them is configured: a container may
 * instantiate a provider more than once, and several applications may register it.
 */
@Provider
public final class PrometheusMetricsFeature implements Feature {

    /**
     * The shared instances, held weakly: the strong references are the features' own, which
     * the runtime keeps in each application's configuration while it runs. Once every
     * application of an instance is undeployed it can be collected, and with it whatever it
     * knows of their classes, so this static map keeps no application's class loader alive.
     */
    private static final Map<Map<String, String>, WeakReference<PrometheusMetrics>> SHARED = new HashMap<>();

    private final Map<String, String> environment;
    /** Never read: it holds the shared instance for as long as the runtime holds this feature. */
    private volatile PrometheusMetrics metrics;

    /** A feature configured by the properties of this process. */
    public PrometheusMetricsFeature() {
        this(System.getenv());
    }

    /** A feature with {@code environment} standing for the environment of this process. */
    PrometheusMetricsFeature(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public boolean configure(FeatureContext context) {
        PrometheusMetrics shared = shared(ConfigProperties.load(environment));
        metrics = shared;
        return shared.configure(context);
    }

    private static PrometheusMetrics shared(ConfigProperties properties) {
        synchronized (SHARED) {
            SHARED.values().removeIf(reference -> reference.get() == null);
            Map<String, String> settings = properties.values();
            WeakReference<PrometheusMetrics> reference = SHARED.get(settings);
            PrometheusMetrics shared = reference == null ? null : reference.get();
            if (shared == null || shared.isClosed()) {
                shared = PrometheusMetrics.builder().build(properties);
                shared.closeWhenUnused();
                SHARED.put(settings, new WeakReference<>(shared));
            }
            return shared;
        }
    }
}
