package io.github.promjaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * One resource method as seen at start-up: its endpoint name and its template, which is static
 * unless the runtime reports another for a request (one that came through sub-resource locators).
 */
public final class MatchedMethod {

    final String endpoint;
    final String staticTemplate;
    private final RequestTemplates templates;

    MatchedMethod(String endpoint, String staticTemplate, RequestTemplates templates) {
        this.endpoint = endpoint;
        this.staticTemplate = staticTemplate;
        this.templates = templates;
    }

    /** The full template of this request, where it is not the static one; else null. */
    String fullTemplate(ContainerRequestContext request) {
        return templates.fullTemplate(request);
    }

    /** The template of this request. */
    String template(ContainerRequestContext request) {
        String full = templates.fullTemplate(request);
        return full == null ? staticTemplate : full;
    }

    @Override
    public String toString() {
        return endpoint;
    }
}
