package io.github.promjaxrs.internal.runtime.portable;

import io.github.promjaxrs.internal.binding.Instrumentation;
import io.github.promjaxrs.internal.binding.MethodHooks;
import io.github.promjaxrs.internal.binding.RuntimeAdapter;
import io.github.promjaxrs.internal.recording.MethodRecording;
import io.github.promjaxrs.internal.recording.MethodRecordingFilter;
import io.github.promjaxrs.internal.recording.RequestStateProperty;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * promjaxrs through the Jakarta REST API alone, for a runtime promjaxrs has no hooks for: the
 * timing is a request property, the request is recorded by the last response filter, each
 * resource method learns its requests through a filter bound to it, the endpoint is answered by a
 * pre-matching filter, and the full template of a request through sub-resource locators comes from
 * Jakarta REST 4.0's {@code UriInfo.getMatchedResourceTemplate()} where the runtime has it.
 *
 * <p>What it cannot see: an exception no {@code ExceptionMapper} handled looks like any other 500
 * (the runtime answers it), so {@code …_exceptions_total} does not count it; on Jakarta REST 3.1 a
 * request through sub-resource locators is recorded under the template of the method it ended in.
 */
public final class PortableRuntimeAdapter implements RuntimeAdapter, MethodHooks {

    private final RequestStateProperty timings = new RequestStateProperty();
    private final MatchedResourceTemplates templates = new MatchedResourceTemplates();

    @Override
    public void install(FeatureContext context, Instrumentation instrumentation) {
        FilteredEndpoint endpoint = instrumentation.metricsResource() == null ? null
                : new FilteredEndpoint(instrumentation);
        context.register(new PortableRecordingFilter(instrumentation.recorder(), timings, endpoint),
                PortableRecordingFilter.PRIORITY);
        context.register(instrumentation.dynamicFeature(this));
    }

    @Override
    public void bind(ResourceInfo method, FeatureContext context, MethodRecording metrics) {
        context.register(new MethodRecordingFilter(timings::get, metrics), MethodRecordingFilter.PRIORITY);
    }

    @Override
    public String fullTemplate(ContainerRequestContext request) {
        return templates.fullTemplate(request);
    }
}
