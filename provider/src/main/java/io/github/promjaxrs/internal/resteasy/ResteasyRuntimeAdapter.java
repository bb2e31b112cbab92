package io.github.promjaxrs.internal.resteasy;

import io.github.promjaxrs.internal.MetricsResource;
import io.github.promjaxrs.internal.RequestRecorder;
import io.github.promjaxrs.internal.RequestTiming;
import io.github.promjaxrs.internal.RuntimeAdapter;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jboss.resteasy.core.ResourceMethodInvoker;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.core.interception.jaxrs.PreMatchContainerRequestContext;
import org.jboss.resteasy.plugins.server.Cleanables;
import org.jboss.resteasy.specimpl.ResteasyUriInfo;
import org.jboss.resteasy.spi.HttpRequest;
import org.jboss.resteasy.spi.HttpResponse;
import org.jboss.resteasy.spi.Registry;
import org.jboss.resteasy.spi.ResteasyAsynchronousContext;
import org.jboss.resteasy.spi.ResteasyAsynchronousResponse;
import org.jboss.resteasy.spi.ResteasyProviderFactory;

/**
 * RESTEasy 6.2's hooks. A request's timing is a request property, as on any runtime. What the
 * Jakarta REST API does not tell, RESTEasy's own data does:
 * <ul>
 * <li>the locator chain: the {@link ResourceMethodInvoker} that RESTEasy made for a sub-resource
 *     method belongs to one locator chain only, and {@link LocatorTemplates} finds that chain's
 *     templates in the registry;</li>
 * <li>an exception no mapper handled: RESTEasy answers it with its default exception mapper, so
 *     the response filters do run, but nothing in the response tells it from an application's
 *     500. {@link UnmappedExceptionObserver} marks the request when a resource method (or
 *     locator) threw something no application mapper maps; an asynchronous response is recorded
 *     in a completion callback, which RESTEasy gives the exception it answered; a
 *     {@code Cleanable} records a request that RESTEasy threw to the container unanswered (its
 *     default mapper turned off). An exception thrown by a filter is the one case left: it is
 *     recorded with its 500 but not counted as an exception;</li>
 * <li>the metrics endpoint is added to the deployment's {@link Registry} as a singleton resource.</li>
 * </ul>
 */
public final class ResteasyRuntimeAdapter extends RuntimeAdapter {

    /** The {@code HttpRequest} attribute {@link UnmappedExceptionObserver} sets. */
    static final String UNMAPPED = ResteasyRuntimeAdapter.class.getName() + ".unmappedException";
    /** The {@code HttpRequest} attribute {@link UnmappedExceptionObserver} sets for an exception an application mapper maps. */
    static final String MAPPED = ResteasyRuntimeAdapter.class.getName() + ".mappedException";
    private static final String INVOKER = ResourceMethodInvoker.class.getName();

    /** The registries the endpoint is mounted in: one per deployment this instance is registered in. */
    private final Map<Registry, Boolean> mountedIn = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile String metricsPath;
    private volatile MetricsResource metricsResource;

    private ResteasyRuntimeAdapter(RuntimeAdapter next) {
        super(next);
    }

    /** This adapter in front of {@code next}, which gets what is not RESTEasy's. */
    public static RuntimeAdapter create(RuntimeAdapter next) {
        return new ResteasyRuntimeAdapter(next);
    }

    private static boolean isResteasy(FeatureContext context) {
        return context.getConfiguration() instanceof ResteasyProviderFactory;
    }

    private static boolean isResteasy(ContainerRequestContext request) {
        return request instanceof PreMatchContainerRequestContext;
    }

    @Override
    public void configure(FeatureContext context) {
        if (!isResteasy(context)) {
            super.configure(context);
            return;
        }
        if (!context.getConfiguration().isRegistered(UnmappedExceptionObserver.class)) {
            // the lowest priority: an application's own mapper of this RESTEasy type, if any, comes first
            context.register(new UnmappedExceptionObserver(), Integer.MAX_VALUE);
        }
    }

    @Override
    protected RequestTiming start(ContainerRequestContext request, RequestRecorder recorder, boolean excluded) {
        RequestTiming timing = super.start(request, recorder, excluded);
        if (isResteasy(request)) {
            Cleanables cleanables = ResteasyContext.getContextData(Cleanables.class);
            if (cleanables != null) {
                HttpRequest httpRequest = ((PreMatchContainerRequestContext) request).getHttpRequest();
                HttpResponse httpResponse = ResteasyContext.getContextData(HttpResponse.class);
                cleanables.addCleanable(() -> {
                    // RESTEasy is done with the request on this thread; a request no response filter saw and
                    // that is not suspended was either written past the filters, or thrown to the container
                    // as an exception no mapper handled (RESTEasy's default mapper turned off): a 500
                    if (timing.isFinished() || httpRequest.getAsyncContext().isSuspended()) {
                        return;
                    }
                    if (httpResponse != null && httpResponse.isCommitted()) {
                        recorder.finish(timing, request, null, httpResponse.getStatus(), false);
                    } else {
                        // an application mapper that throws is not counted, as on Jersey, which answers it with a 500
                        recorder.finish(timing, request, null, 500, request.getProperty(MAPPED) == null);
                    }
                });
            }
        }
        return timing;
    }

    @Override
    protected void responseFiltered(RequestRecorder recorder, RequestTiming timing, ContainerRequestContext request,
                                    ContainerResponseContext response) {
        if (!isResteasy(request)) {
            super.responseFiltered(recorder, timing, request, response);
            return;
        }
        int status = response.getStatus();
        boolean unmapped = request.getProperty(UNMAPPED) != null;
        if (!unmapped && status == 500 && recordOnCompletion(recorder, timing, request, response, status)) {
            return;
        }
        recorder.finish(timing, request, response, status, unmapped);
    }

    /**
     * An asynchronous request that ends in a 500 may be RESTEasy's answer to an exception it was
     * resumed with, or that its {@code CompletionStage} failed with. RESTEasy hands that exception
     * to the completion callbacks once the response is written, so it is recorded there.
     */
    private static boolean recordOnCompletion(RequestRecorder recorder, RequestTiming timing,
                                              ContainerRequestContext request, ContainerResponseContext response,
                                              int status) {
        ResteasyAsynchronousContext async = ((PreMatchContainerRequestContext) request).getHttpRequest().getAsyncContext();
        ResteasyAsynchronousResponse asyncResponse = async.isSuspended() ? async.getAsyncResponse() : null;
        if (asyncResponse == null) {
            return false;
        }
        asyncResponse.register((CompletionCallback) error -> recorder.finish(timing, request, response, status,
                error != null && UnmappedExceptionObserver.isUnmapped(error)));
        return true;
    }

    @Override
    protected List<?> locatorChain(ContainerRequestContext request) {
        if (!isResteasy(request)) {
            return super.locatorChain(request);
        }
        // the resource the method was invoked on, then each one whose locator led to it
        if (request.getUriInfo() instanceof ResteasyUriInfo uriInfo && uriInfo.getMatchedResources().size() > 1) {
            Object invoker = request.getProperty(INVOKER);
            if (invoker != null) {
                return List.of(invoker);
            }
        }
        return List.of();
    }

    @Override
    protected String matchedTemplate(ContainerRequestContext request) {
        if (!isResteasy(request)) {
            return super.matchedTemplate(request);
        }
        ResourceMethodInvoker invoker = (ResourceMethodInvoker) request.getProperty(INVOKER);
        return LocatorTemplates.of(ResteasyContext.getContextData(Registry.class), invoker);
    }

    @Override
    public void mountMetricsResource(FeatureContext context, String path, MetricsResource resource) {
        if (!isResteasy(context)) {
            super.mountMetricsResource(context, path, resource);
            return;
        }
        this.metricsPath = path;
        this.metricsResource = resource;
        // registered through Application or the deployment's providers, the deployment is being
        // started and its registry is at hand; registered with a provider factory before that, the
        // endpoint is mounted when RESTEasy builds the first resource method
        mountIfNeeded();
    }

    @Override
    public void resourceMethodConfigured(FeatureContext context) {
        if (!isResteasy(context)) {
            super.resourceMethodConfigured(context);
            return;
        }
        mountIfNeeded();
    }

    private void mountIfNeeded() {
        MetricsResource resource = metricsResource;
        Registry registry = ResteasyContext.getContextData(Registry.class);
        if (resource == null || registry == null || mountedIn.putIfAbsent(registry, Boolean.TRUE) != null) {
            return;
        }
        MetricsEndpoint.mount(registry, metricsPath, resource);
    }
}
