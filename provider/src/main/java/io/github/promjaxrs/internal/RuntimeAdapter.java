package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The one seam between promjaxrs and a Jakarta REST implementation: where a request's timing
 * lives, how a sub-resource locator chain is seen, how an exception no mapper handled is seen,
 * how the metrics endpoint is mounted.
 *
 * <p>{@link RuntimeDetection#detect()} chains one adapter per implementation found on the class
 * path in front of this portable one, which uses only the Jakarta REST API. Each adapter handles what it
 * recognises as its own (a request by its class, a configuration by its class) and passes
 * everything else down the chain, so a class path that holds two implementations still works.
 */
public class RuntimeAdapter {

    private static final Logger LOG = Logger.getLogger(RuntimeAdapter.class.getName());

    private final RuntimeAdapter next;

    /** @param next the adapter to pass what this one does not recognise to; null for the portable one */
    protected RuntimeAdapter(RuntimeAdapter next) {
        this.next = next;
    }

    /** The adapter that uses only the Jakarta REST API: the end of every chain. */
    static RuntimeAdapter portable() {
        return new RuntimeAdapter(null);
    }

    /** Registers what this runtime needs besides the filters; called once per configured application. */
    public void configure(FeatureContext context) {
        if (next != null) {
            next.configure(context);
        }
    }

    /**
     * Registers the filter that begins every request and, unless this runtime sees the end of a
     * request another way, finishes it.
     */
    public void registerTimingFilter(FeatureContext context, RequestTimingFilter filter) {
        if (next != null) {
            next.registerTimingFilter(context, filter);
            return;
        }
        context.register(filter, RequestTimingFilter.PRIORITY);
    }

    /**
     * Takes {@code metrics} to apply to the requests that match {@code method} when they end, so
     * that the method needs no filter; false when this runtime cannot tell the matched method then.
     */
    protected boolean applyAtEnd(ResourceInfo method, MethodMetrics metrics) {
        return next != null && next.applyAtEnd(method, metrics);
    }

    /** The metrics {@link #applyAtEnd} took for the method this request matched, or null. */
    protected MethodMetrics metricsAppliedAtEnd(ContainerRequestContext request) {
        return next != null ? next.metricsAppliedAtEnd(request) : null;
    }

    /** Starts timing a request for {@code recorder}; called first, before matching. */
    protected RequestTiming start(ContainerRequestContext request, RequestRecorder recorder, boolean excluded) {
        if (next != null) {
            return next.start(request, recorder, excluded);
        }
        RequestTiming timing = new RequestTiming(System.nanoTime(), excluded);
        request.setProperty(recorder.timingProperty(), timing);
        return timing;
    }

    /** The timing {@link #start} attached to this request for {@code recorder}, or null. */
    protected RequestTiming timing(ContainerRequestContext request, RequestRecorder recorder) {
        if (next != null) {
            return next.timing(request, recorder);
        }
        Object timing = request.getProperty(recorder.timingProperty());
        return timing instanceof RequestTiming t ? t : null;
    }

    /**
     * Records a request whose final response the last response filter sees. A runtime that
     * learns only later whether an exception no application {@code ExceptionMapper} handled
     * caused the response may record it then.
     */
    protected void responseFiltered(RequestRecorder recorder, RequestTiming timing, ContainerRequestContext request,
                                    ContainerResponseContext response) {
        if (next != null) {
            next.responseFiltered(recorder, timing, request, response);
            return;
        }
        recorder.finish(timing, request, response, response.getStatus(), false);
    }

    /**
     * What identifies the sub-resource locators the request went through: empty when it matched
     * a method of a root resource; otherwise a list that is equal for two requests exactly when
     * they went through the same locators (so their full templates are the same).
     */
    protected List<?> locatorChain(ContainerRequestContext request) {
        return next != null ? next.locatorChain(request) : List.of();
    }

    /** The full normalised template the request matched; only called when {@link #locatorChain} is not empty. */
    protected String matchedTemplate(ContainerRequestContext request) {
        if (next != null) {
            return next.matchedTemplate(request);
        }
        throw new UnsupportedOperationException("no locator chains on this runtime");
    }

    /** Mounts {@code resource} at {@code path} in the application being configured. */
    public void mountMetricsResource(FeatureContext context, String path, MetricsResource resource) {
        if (next != null) {
            next.mountMetricsResource(context, path, resource);
            return;
        }
        LOG.warning("promjaxrs: this Jakarta REST runtime has no adapter that can mount the metrics endpoint at "
                + path + "; serve PrometheusMetrics.generateMetrics(...) from a resource of your own");
    }

    /**
     * Called for every resource method promjaxrs configures, while the runtime builds it: a
     * runtime that could not mount the endpoint when the feature was configured does it here.
     */
    public void resourceMethodConfigured(FeatureContext context) {
        if (next != null) {
            next.resourceMethodConfigured(context);
        }
    }
}
