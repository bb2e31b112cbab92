package io.github.promjaxrs.internal.runtime.portable;

import io.github.promjaxrs.internal.binding.Instrumentation;
import io.github.promjaxrs.internal.endpoint.GuardedRequest;
import io.github.promjaxrs.internal.endpoint.MetricsResource;
import io.github.promjaxrs.internal.recording.MethodRecording;
import io.github.promjaxrs.internal.recording.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The metrics endpoint where promjaxrs cannot add a resource to the application: the
 * pre-matching timing filter answers {@code GET} and {@code HEAD} of the endpoint's path itself,
 * after the {@code metricsEndpointFilter} admitted the request, and lets every other request pass.
 * (One filter rather than two: the order of two filters of neighbouring priorities registered
 * from a feature is not one every runtime keeps.)
 */
final class FilteredEndpoint {

    private static final Logger LOG = Logger.getLogger(FilteredEndpoint.class.getName());

    private final String relativePath;
    private final MetricsResource resource;
    private final ContainerRequestFilter guard;
    private final MethodRecording endpointMetrics;

    FilteredEndpoint(Instrumentation instrumentation) {
        this.relativePath = instrumentation.metricsPath().substring(1);
        this.resource = instrumentation.metricsResource();
        this.guard = instrumentation.guard();
        this.endpointMetrics = MethodRecording.ofEndpoint(instrumentation.recorder(), instrumentation.metricsPath());
    }

    /** Answers {@code request} if it is a scrape, through {@code abortWith}; leaves any other alone. */
    void answerIfScrape(ContainerRequestContext request, RequestState timing) throws IOException {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !isEndpoint(request.getUriInfo().getPath())) {
            return;
        }
        endpointMetrics.matched(timing, request);
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
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "promjaxrs: the metricsEndpointFilter failed; refusing the scrape", e);
            return Response.serverError().type("text/plain; charset=utf-8").entity("An error occurred while checking the request\n")
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
