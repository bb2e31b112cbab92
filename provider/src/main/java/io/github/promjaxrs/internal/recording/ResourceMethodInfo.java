package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * One resource method as seen at start-up: its endpoint name and its route, which is static
 * unless the runtime reports another for a request (one that came through sub-resource locators).
 */
public final class ResourceMethodInfo {

    final String endpoint;
    /** The method's own route, regex constraints kept ({@link ResourceTemplate#route}). */
    final String staticRoute;
    /** The same, normalised ({@link ResourceTemplate#join}). */
    public final String staticTemplate;
    private final RequestTemplates templates;

    public ResourceMethodInfo(String endpoint, String staticRoute, RequestTemplates templates) {
        this.endpoint = endpoint;
        this.staticRoute = staticRoute;
        this.staticTemplate = ResourceTemplate.join(staticRoute);
        this.templates = templates;
    }

    /** The full route of this request, where it is not the static one; else null. */
    String fullRoute(ContainerRequestContext request) {
        return templates.fullTemplate(request);
    }

    /** The normalised template of this request. */
    String template(ContainerRequestContext request) {
        String full = templates.fullTemplate(request);
        return full == null ? staticTemplate : ResourceTemplate.join(full);
    }

    @Override
    public String toString() {
        return endpoint;
    }
}
