package io.github.promjaxrs.internal.binding;

import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.instrumentation.jvm.JvmThreadsMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * client_java's JVM metrics, once per registry.
 *
 * <p>One of them, {@code jvm_memory_pool_allocated_bytes_total}, adds a notification listener to
 * the JVM's garbage collector MBeans that nothing can remove: it would keep the class loader of a
 * redeployed application (and every class it loaded) alive for as long as the JVM runs. It is
 * registered only where promjaxrs is loaded by the system class loader (an application started
 * with {@code java -jar} or a class path, which is never undeployed); in a WAR or a server's
 * library folder the other JVM metrics are registered without it.
 */
public final class JvmMetricsRegistration {

    private static final Set<PrometheusRegistry> REGISTERED = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private JvmMetricsRegistration() {
    }

    /** Registers the JVM metrics in {@code registry} unless promjaxrs did already. */
    public static void register(PrometheusRegistry registry) {
        if (canNeverBeUndeployed()) {
            JvmMetrics.builder().register(registry); // client_java's own set, and its own once-per-registry guard
            return;
        }
        if (!REGISTERED.add(registry)) {
            return;
        }
        tryRegister(r -> JvmThreadsMetrics.builder().register(r), registry);
        tryRegister(r -> JvmBufferPoolMetrics.builder().register(r), registry);
        tryRegister(r -> JvmClassLoadingMetrics.builder().register(r), registry);
        tryRegister(r -> JvmCompilationMetrics.builder().register(r), registry);
        tryRegister(r -> JvmGarbageCollectorMetrics.builder().register(r), registry);
        tryRegister(r -> JvmMemoryMetrics.builder().register(r), registry);
        tryRegister(r -> JvmNativeMemoryMetrics.builder().register(r), registry);
        tryRegister(r -> JvmRuntimeInfoMetric.builder().register(r), registry);
        tryRegister(r -> ProcessMetrics.builder().register(r), registry);
    }

    /** Whether {@link JvmMemoryPoolAllocationMetrics}' listener can pin nothing that is ever undeployed. */
    static boolean canNeverBeUndeployed() {
        return JvmMetricsRegistration.class.getClassLoader() == ClassLoader.getSystemClassLoader();
    }

    /** The application (or another library) may have registered some of them already: those stay as they are. */
    private static void tryRegister(Consumer<PrometheusRegistry> registration, PrometheusRegistry registry) {
        try {
            registration.accept(registry);
        } catch (IllegalArgumentException alreadyRegistered) {
            // the metric is there; it is the same JVM's
        }
    }
}
