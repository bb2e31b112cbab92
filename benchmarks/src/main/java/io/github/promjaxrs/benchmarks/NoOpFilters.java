package io.github.promjaxrs.benchmarks;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * A pre-matching request filter and a response filter that do nothing: what a runtime charges any
 * provider hooked in where promjaxrs' RESTEasy hooks are, before promjaxrs does any work of its own.
 */
@PreMatching
public final class NoOpFilters implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    }
}
