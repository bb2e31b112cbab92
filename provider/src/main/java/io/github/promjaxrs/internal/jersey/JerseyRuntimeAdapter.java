package io.github.promjaxrs.internal.jersey;

import io.github.promjaxrs.internal.MethodMetrics;
import io.github.promjaxrs.internal.MetricsResource;
import io.github.promjaxrs.internal.RequestRecorder;
import io.github.promjaxrs.internal.RequestTiming;
import io.github.promjaxrs.internal.RequestTimingFilter;
import io.github.promjaxrs.internal.ResourceTemplate;
import io.github.promjaxrs.internal.RuntimeAdapter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ServerConfig;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceMethodInvoker;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Jersey's hooks: the request's timing is a wrapper of its {@link ContainerResponseWriter}
 * (one object per request, no property map, and the only place Jersey reports an exception no
 * mapper handled), which also records the request as its status is written, so promjaxrs needs
 * no response filter; the method a request matched, its locator chain and templates come from
 * {@code ExtendedUriInfo}, so a method whose metrics need nothing before it runs needs no filter
 * either (each filter list Jersey finds non-empty costs it a merge and sort per request); the
 * metrics resource is mounted by a {@link MetricsModelProcessor}.
 */
public final class JerseyRuntimeAdapter extends RuntimeAdapter {

    private final AppliedAtEnd appliedAtEnd = new AppliedAtEnd();

    private JerseyRuntimeAdapter(RuntimeAdapter next) {
        super(next);
    }

    /** This adapter in front of {@code next}, which gets what is not Jersey's. */
    public static RuntimeAdapter create(RuntimeAdapter next) {
        return new JerseyRuntimeAdapter(next);
    }

    private static boolean isJersey(FeatureContext context) {
        return context.getConfiguration() instanceof ServerConfig;
    }

    @Override
    public void registerTimingFilter(FeatureContext context, RequestTimingFilter filter) {
        if (!isJersey(context)) {
            super.registerTimingFilter(context, filter);
            return;
        }
        context.register(filter, Map.of(ContainerRequestFilter.class, RequestTimingFilter.PRIORITY));
    }

    @Override
    protected boolean applyAtEnd(ResourceInfo method, MethodMetrics metrics) {
        if (!(method instanceof ResourceMethodInvoker)) {
            return super.applyAtEnd(method, metrics);
        }
        appliedAtEnd.put(method.getResourceClass(), method.getResourceMethod(), metrics);
        return true;
    }

    @Override
    protected MethodMetrics metricsAppliedAtEnd(ContainerRequestContext request) {
        if (!(request instanceof ContainerRequest jersey)) {
            return super.metricsAppliedAtEnd(request);
        }
        ExtendedUriInfo uriInfo = jersey.getUriInfo();
        ResourceMethod matched = uriInfo.getMatchedResourceMethod();
        return matched == null ? null : appliedAtEnd.get(matched, !uriInfo.getMatchedResourceLocators().isEmpty());
    }

    @Override
    protected RequestTiming start(ContainerRequestContext request, RequestRecorder recorder, boolean excluded) {
        if (request instanceof ContainerRequest jersey) {
            JerseyRequestTiming timing = new JerseyRequestTiming(System.nanoTime(), excluded, recorder, jersey);
            jersey.setWriter(timing);
            return timing;
        }
        return super.start(request, recorder, excluded);
    }

    @Override
    protected RequestTiming timing(ContainerRequestContext request, RequestRecorder recorder) {
        if (request instanceof ContainerRequest jersey) {
            ContainerResponseWriter writer = jersey.getResponseWriter();
            while (writer instanceof JerseyRequestTiming timing) {
                if (timing.belongsTo(recorder)) {
                    return timing;
                }
                writer = timing.delegate();
            }
            return null;
        }
        return super.timing(request, recorder);
    }

    @Override
    protected List<?> locatorChain(ContainerRequestContext request) {
        return request instanceof ContainerRequest jersey
                ? jersey.getUriInfo().getMatchedResourceLocators()
                : super.locatorChain(request);
    }

    @Override
    protected String matchedTemplate(ContainerRequestContext request) {
        if (!(request instanceof ContainerRequest)) {
            return super.matchedTemplate(request);
        }
        List<UriTemplate> templates = ((ContainerRequest) request).getUriInfo().getMatchedTemplates();
        String[] parts = new String[templates.size()];
        for (int i = 0; i < parts.length; i++) {
            // Jersey lists the most recent match first
            parts[i] = templates.get(parts.length - 1 - i).getTemplate();
        }
        return ResourceTemplate.join(parts);
    }

    @Override
    public void mountMetricsResource(FeatureContext context, String path, MetricsResource resource) {
        // a RESTEasy application with Jersey on its class path never gets here: its adapter comes first
        context.register(new MetricsModelProcessor(path, resource));
    }
}
