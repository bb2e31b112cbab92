package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.annotation.DoNotTrack;
import io.github.promjaxrs.annotation.ExcludeAllMetrics;
import io.github.promjaxrs.internal.endpoint.GuardFilter;
import io.github.promjaxrs.internal.endpoint.MetricsResource;
import io.github.promjaxrs.internal.recording.ResourceMethodInfo;
import io.github.promjaxrs.internal.recording.MethodAnnotations;
import io.github.promjaxrs.internal.recording.MethodRecording;
import io.github.promjaxrs.internal.recording.RequestRecorder;
import io.github.promjaxrs.internal.recording.ResourceTemplate;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Decides once per resource method, at start-up, what promjaxrs does for it (in the style of
 * Jersey's {@code RolesAllowedDynamicFeature}): the method's template for the default metrics or
 * that it is not tracked, its annotation metrics, and the guard of the metrics resource. The
 * runtime's {@link MethodHooks} carry the decision to the requests: a small filter, unless the
 * runtime can apply it when the request ends (Jersey can: a filter bound to a method costs Jersey
 * a merge and sort of its filter lists per request).
 */
public final class MetricsDynamicFeature implements DynamicFeature {

    private final RequestRecorder recorder;
    private final AnnotationBinder annotations;
    private final String metricsPath;
    private final ContainerRequestFilter metricsEndpointFilter;
    private final MethodHooks hooks;

    /**
     * @param metricsPath           the normalised endpoint path, or null for none
     * @param metricsEndpointFilter the endpoint guard, or null for none
     * @param hooks                 the runtime's way of applying the decision to requests
     */
    MetricsDynamicFeature(RequestRecorder recorder, AnnotationBinder annotations, String metricsPath,
                          ContainerRequestFilter metricsEndpointFilter, MethodHooks hooks) {
        this.recorder = recorder;
        this.annotations = annotations;
        this.metricsPath = metricsPath;
        this.metricsEndpointFilter = metricsEndpointFilter;
        this.hooks = hooks;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        hooks.configuring(context);
        Class<?> resourceClass = resourceInfo.getResourceClass();
        Method method = resourceInfo.getResourceMethod();
        if (resourceClass == null || method == null) {
            return;
        }
        boolean isMetricsResource = resourceClass == MetricsResource.class;
        if (isMetricsResource && metricsEndpointFilter != null) {
            GuardFilter guard = new GuardFilter(metricsEndpointFilter);
            context.register(guard, guard.priority());
            if (metricsEndpointFilter instanceof ContainerResponseFilter) {
                context.register(metricsEndpointFilter, ContainerResponseFilter.class);
            }
        }
        Method annotated = InheritedAnnotations.annotatedMethod(method);
        String httpMethod = InheritedAnnotations.httpMethod(annotated);
        if (httpMethod == null) {
            // no designator: a method the runtime generated (automatic OPTIONS, say), recorded as unmatched
            return;
        }
        recorder.methodNames().declare(httpMethod);
        if (isPresent(ExcludeAllMetrics.class, resourceClass, method, annotated)) {
            hooks.bind(resourceInfo, context, new MethodRecording(recorder, null, false, null));
            return;
        }
        ResourceMethodInfo matched = new ResourceMethodInfo(resourceClass.getSimpleName() + "." + method.getName(),
                isMetricsResource ? metricsPath : ResourceTemplate.of(resourceClass, annotated), hooks);
        boolean tracked = !isPresent(DoNotTrack.class, resourceClass, method, annotated);
        MethodAnnotations bound = annotations.bind(resourceClass, method, annotated, matched,
                recorder.methodNames());
        if (recorder.defaults() != null || bound != null) {
            hooks.bind(resourceInfo, context, new MethodRecording(recorder, matched, tracked, bound));
        }
    }

    private static boolean isPresent(Class<? extends Annotation> type, Class<?> resourceClass, Method method,
                                     Method annotated) {
        return method.isAnnotationPresent(type) || annotated.isAnnotationPresent(type)
                || resourceClass.isAnnotationPresent(type);
    }
}
