package io.github.promjaxrs.internal.runtime.jersey;

import io.github.promjaxrs.internal.binding.Instrumentation;
import io.github.promjaxrs.internal.binding.MethodHooks;
import io.github.promjaxrs.internal.binding.RuntimeAdapter;
import io.github.promjaxrs.internal.recording.MethodRecording;
import io.github.promjaxrs.internal.recording.MethodRecordingFilter;
import io.github.promjaxrs.internal.recording.RequestRecorder;
import io.github.promjaxrs.internal.recording.RequestState;
import io.github.promjaxrs.internal.recording.ResourceTemplate;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceMethodInvoker;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Jersey's hooks: the request's timing is a wrapper of its {@link ContainerResponseWriter}
 * (one object per request, no property map, and the only place Jersey reports an exception no
 * mapper handled), which also records the request as its status is written, so promjaxrs needs
 * no response filter; the method a request matched, its locators and templates come from
 * {@code ExtendedUriInfo}, so a method whose metrics need nothing before it runs needs no filter
 * either (each filter list Jersey finds non-empty costs it a merge and sort per request); the
 * metrics resource is added to the model by a {@link MetricsModelProcessor}.
 */
public final class JerseyRuntimeAdapter implements RuntimeAdapter, MethodHooks {

    private final AppliedAtEnd appliedAtEnd = new AppliedAtEnd();
    private RequestRecorder recorder;

    @Override
    public void install(FeatureContext context, Instrumentation instrumentation) {
        this.recorder = instrumentation.recorder();
        // the request contract only: the end of the request is the writer's
        context.register(new JerseyStartFilter(this), Map.of(ContainerRequestFilter.class, Integer.MIN_VALUE));
        context.register(instrumentation.dynamicFeature(this));
        context.register(new ApplicationShutdown(instrumentation.applicationStopped()));
        if (instrumentation.metricsResource() != null) {
            context.register(new MetricsModelProcessor(instrumentation.metricsPath(), instrumentation.metricsResource()));
        }
    }

    /** Starts timing {@code request}: its writer is wrapped in its timing. */
    void begin(ContainerRequest request) {
        RecordingResponseWriter timing = new RecordingResponseWriter(System.nanoTime(), recorder.isExcluded(request), this,
                request);
        request.setWriter(recorder.started(timing, request));
    }

    /**
     * Records {@code request}, applying the metrics of the method it matched.
     *
     * @param response null where an exception no mapper handled ended it
     */
    void finish(RecordingResponseWriter timing, ContainerRequest request, ContainerResponse response, int status,
                boolean unmappedException) {
        recorder.finish(timing, request, response, status, unmappedException, appliedAtEnd(request));
    }

    @Override
    public void bind(ResourceInfo method, FeatureContext context, MethodRecording metrics) {
        if (metrics.actsOnMatch() || !(method instanceof ResourceMethodInvoker)) {
            context.register(new MethodRecordingFilter(this::timing, metrics), MethodRecordingFilter.PRIORITY);
            return;
        }
        appliedAtEnd.put(method.getResourceClass(), method.getResourceMethod(), metrics);
    }

    /** The metrics taken at start-up for the method this request matched, or null. */
    private MethodRecording appliedAtEnd(ContainerRequest request) {
        ExtendedUriInfo uriInfo = request.getUriInfo();
        ResourceMethod matched = uriInfo.getMatchedResourceMethod();
        return matched == null ? null : appliedAtEnd.get(matched, !uriInfo.getMatchedResourceLocators().isEmpty());
    }

    /** This adapter's timing of {@code request}, or null: a request may pass several instances' writers. */
    private RequestState timing(ContainerRequestContext request) {
        ContainerResponseWriter writer = ((ContainerRequest) request).getResponseWriter();
        while (writer instanceof RecordingResponseWriter timing) {
            if (timing.belongsTo(this)) {
                return timing;
            }
            writer = timing.delegate();
        }
        return null;
    }

    /**
     * The templates Jersey matched, joined: computed per request through locators rather than
     * cached by locator, since Jersey may build a locator's model per request.
     */
    @Override
    public String fullTemplate(ContainerRequestContext request) {
        ExtendedUriInfo uriInfo = ((ContainerRequest) request).getUriInfo();
        if (uriInfo.getMatchedResourceLocators().isEmpty()) {
            return null;
        }
        List<UriTemplate> templates = uriInfo.getMatchedTemplates();
        String[] parts = new String[templates.size()];
        for (int i = 0; i < parts.length; i++) {
            // Jersey lists the most recent match first
            parts[i] = templates.get(parts.length - 1 - i).getTemplate();
        }
        return ResourceTemplate.route(parts);
    }
}
