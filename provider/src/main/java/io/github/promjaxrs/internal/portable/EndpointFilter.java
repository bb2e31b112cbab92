package io.github.promjaxrs.internal.portable;

import io.github.promjaxrs.internal.GuardedRequest;
import io.github.promjaxrs.internal.Instrumentation;
import io.github.promjaxrs.internal.MethodMetrics;
import io.github.promjaxrs.internal.MetricsResource;
import io.github.promjaxrs.internal.PropertyTimings;
import io.github.promjaxrs.internal.RequestTiming;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the metrics endpoint where promjaxrs cannot add a resource to the application: a
 * pre-matching filter that answers {@code GET} and {@code HEAD} of the endpoint's path itself,
 * after the {@code metricsEndpointFilter} admitted the request, and lets every other request pass.
 */
@PreMatching
final class EndpointFilter implements ContainerRequestFilter {

    /** Right after the timing filter, so the scrape is timed and recorded like any request. */
    static final int PRIORITY = PortableTimingFilter.PRIORITY + 1;

    private static final Logger LOG = Logger.getLogger(EndpointFilter.class.getName());

    private final String relativePath;
    private final MetricsResource resource;
    private final ContainerRequestFilter guard;
    private final PropertyTimings timings;
    private final MethodMetrics endpointMetrics;

    EndpointFilter(Instrumentation instrumentation, PropertyTimings timings) {
        this.relativePath = instrumentation.metricsPath().substring(1);
        this.resource = instrumentation.metricsResource();
        this.guard = instrumentation.guard();
        this.timings = timings;
        this.endpointMetrics = MethodMetrics.ofEndpoint(instrumentation.recorder(), instrumentation.metricsPath());
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !isEndpoint(request.getUriInfo().getPath())) {
            return;
        }
        RequestTiming timing = timings.get(request);
        if (timing != null) {
            endpointMetrics.matched(timing, request);
        }
        if (guard != null) {
            Response refusal = refusal(request);
            if (refusal != null) {
                request.abortWith(refusal);
                return;
            }
        }
        request.abortWith(resource.answer(request));
    }

    /** Runs the guard; a guard that fails refuses. */
    private Response refusal(ContainerRequestContext request) {
        GuardedRequest guarded = new GuardedRequest(request);
        try {
            guard.filter(guarded);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "promjaxrs: the metricsEndpointFilter failed; refusing the scrape", e);
            return Response.serverError().type("text/plain").entity("An error occurred while checking the request\n")
                    .build();
        }
        return guarded.refusal();
    }

    /** Whether a path relative to the application ({@code metrics} or {@code /metrics}) is the endpoint's. */
    private boolean isEndpoint(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length() > start && path.endsWith("/") ? path.length() - 1 : path.length();
        return end - start == relativePath.length() && path.startsWith(relativePath, start);
    }
}
