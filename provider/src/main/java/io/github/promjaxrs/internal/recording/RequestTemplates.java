package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The one question about a matched request that only the runtime can answer: its full template. */
@FunctionalInterface
public interface RequestTemplates {

    /** For runtimes that cannot tell more than the method's own template. */
    RequestTemplates STATIC = request -> null;

    /**
     * The full route of {@code request} ({@link ResourceTemplate#route}: relative to the application
     * root, regex constraints kept as written) where it differs from its method's static one, as
     * for a request that came through sub-resource locators; null where the static route applies.
     */
    String fullTemplate(ContainerRequestContext request);
}
