package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The one seam between promjaxrs and a Jakarta REST implementation: where a request's timing
 * lives, how a sub-resource locator chain is seen, how the metrics endpoint is mounted.
 * {@link #detect()} picks an implementation by what is on the class path; the portable one
 * uses only the Jakarta REST API.
 */
public class RuntimeAdapter {

    private static final Logger LOG = Logger.getLogger(RuntimeAdapter.class.getName());
    private static final String TIMING_PROPERTY = RequestTiming.class.getName();

    /** The adapter for the runtime on the class path. */
    public static RuntimeAdapter detect() {
        if (isPresent("org.glassfish.jersey.server.ContainerRequest")) {
            return new io.github.promjaxrs.internal.jersey.JerseyRuntimeAdapter();
        }
        return new RuntimeAdapter();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, RuntimeAdapter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Starts timing a request for {@code recorder}; called first, before matching. */
    protected RequestTiming start(ContainerRequestContext request, RequestRecorder recorder, boolean excluded) {
        RequestTiming timing = new RequestTiming(System.nanoTime(), excluded);
        request.setProperty(TIMING_PROPERTY, timing);
        return timing;
    }

    /** The timing {@link #start} attached to this request for {@code recorder}, or null. */
    protected RequestTiming timing(ContainerRequestContext request, RequestRecorder recorder) {
        Object timing = request.getProperty(TIMING_PROPERTY);
        return timing instanceof RequestTiming t ? t : null;
    }

    /**
     * The sub-resource locators the request went through, most recent first; empty when it
     * matched a method of a root resource. Only identity and order matter.
     */
    protected List<?> locatorChain(ContainerRequestContext request) {
        return List.of();
    }

    /** The full normalised template the request matched; only called when {@link #locatorChain} is not empty. */
    protected String matchedTemplate(ContainerRequestContext request) {
        throw new UnsupportedOperationException("no locator chains on this runtime");
    }

    /** Mounts {@code resource} at {@code path} in the application being configured. */
    public void mountMetricsResource(FeatureContext context, String path, MetricsResource resource) {
        LOG.warning("promjaxrs: this Jakarta REST runtime has no adapter that can mount the metrics endpoint at "
                + path + "; serve PrometheusMetrics.generateMetrics(...) from a resource of your own");
    }
}
