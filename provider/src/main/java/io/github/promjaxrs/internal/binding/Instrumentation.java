package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.internal.endpoint.MetricsResource;
import io.github.promjaxrs.internal.recording.RequestRecorder;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What one {@code PrometheusMetrics} installs in every application it is registered in; a runtime
 * adapter installs it with that runtime's hooks.
 *
 * @param metricsPath     the normalised endpoint path, or null for no endpoint
 * @param metricsResource the endpoint, or null for none
 * @param guard              the {@code metricsEndpointFilter}, or null for none
 * @param applicationStopped to run when an application it is installed in stops, where the runtime tells
 */
public record Instrumentation(RequestRecorder recorder, AnnotationBinder annotations, String metricsPath,
                              MetricsResource metricsResource, ContainerRequestFilter guard,
                              Runnable applicationStopped, Set<Object> mountedIn) {

    public Instrumentation(RequestRecorder recorder, AnnotationBinder annotations, String metricsPath,
                           MetricsResource metricsResource, ContainerRequestFilter guard,
                           Runnable applicationStopped) {
        this(recorder, annotations, metricsPath, metricsResource, guard, applicationStopped,
                Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>())));
    }

    /** The dynamic feature that decides, once per resource method, what is recorded for it. */
    public MetricsDynamicFeature dynamicFeature(MethodHooks hooks) {
        return new MetricsDynamicFeature(recorder, annotations, metricsPath, guard, hooks);
    }

    /**
     * True the first time for a given deployment (a runtime's registry, say): where the endpoint is
     * mounted into a deployment rather than registered, it is mounted once however often the
     * application is configured. Held weakly: an undeployed deployment is not kept.
     */
    public boolean firstMountIn(Object deployment) {
        return mountedIn.add(deployment);
    }
}
