package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.internal.recording.MethodRecording;
import io.github.promjaxrs.internal.recording.RequestTemplates;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** How one runtime applies the decision {@link MetricsDynamicFeature} takes for each resource method. */
public interface MethodHooks extends RequestTemplates {

    /** Called for every resource method as the runtime builds it, before {@link #bind}. */
    default void configuring(FeatureContext context) {
    }

    /**
     * Arranges for {@code metrics} to be applied to every request that matches {@code method}: a
     * {@link MethodRecordingFilter}, or, where the runtime tells the matched method as the request
     * ends and the metrics need nothing before the method runs, nothing at all.
     */
    void bind(ResourceInfo method, FeatureContext context, MethodRecording metrics);
}
