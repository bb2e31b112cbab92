package io.github.promjaxrs.internal.endpoint;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code metricsEndpointFilter} as the runtime runs it on the metrics resource: whatever it
 * throws, {@code Error}s included, refuses the scrape with a 500 and a one-line body, logged once,
 * rather than reaching the runtime (which would answer its own error page and count an exception).
 */
public final class GuardFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(GuardFilter.class.getName());

    private final ContainerRequestFilter guard;

    public GuardFilter(ContainerRequestFilter guard) {
        this.guard = guard;
    }

    /** The guard's own {@code @Priority}, so that wrapping it does not move it among the other filters. */
    public int priority() {
        Priority priority = guard.getClass().getAnnotation(Priority.class);
        return priority == null ? Priorities.USER : priority.value();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            guard.filter(request);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "promjaxrs: the metricsEndpointFilter failed; refusing the scrape", e);
            request.abortWith(Response.serverError().type("text/plain; charset=utf-8")
                    .entity("An error occurred while checking the request\n").build());
        }
    }
}
