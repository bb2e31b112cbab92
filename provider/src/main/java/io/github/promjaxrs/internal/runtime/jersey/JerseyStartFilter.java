package io.github.promjaxrs.internal.runtime.jersey;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.jersey.server.ContainerRequest;

/** Begins every request before matching, first of all request filters; its writer records its end. */
@PreMatching
final class JerseyStartFilter implements ContainerRequestFilter {

    private final JerseyRuntimeAdapter adapter;

    JerseyStartFilter(JerseyRuntimeAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        adapter.begin((ContainerRequest) request);
    }
}
