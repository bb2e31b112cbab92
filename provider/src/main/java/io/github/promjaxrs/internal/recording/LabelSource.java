package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.LabelValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Where one label of an annotation metric takes its value from, as {@link LabelParser} resolved it
 * at start-up from a {@code @Label}: the per-request lookup.
 */
public final class LabelSource {

    /** The sources a {@code @Label} can name. */
    public enum Kind { STATIC, METHOD, STATUS, PATH, TEMPLATE, ENDPOINT, PATH_PARAM, QUERY_PARAM, HEADER, PROVIDER }

    public final String name;
    final Kind kind;
    private final String argument;
    private final LabelValue provider;
    private final int maxLength;

    /**
     * @param argument  the static value, or the name of the path parameter, query parameter or header
     * @param provider  the {@code LabelValue} of a {@link Kind#PROVIDER}, else null
     * @param maxLength the length request-derived values are cut to
     */
    public LabelSource(String name, Kind kind, String argument, LabelValue provider, int maxLength) {
        this.name = name;
        this.kind = kind;
        this.argument = argument;
        this.provider = provider;
        this.maxLength = maxLength;
    }

    boolean isStatic() {
        return kind == Kind.STATIC;
    }

    public boolean needsResponse() {
        return kind == Kind.STATUS;
    }

    String staticValue() {
        return argument;
    }

    /**
     * This label's value for a request; may throw where a provider does. A value the request
     * decides is cut to {@code maxLength}. The request's facts come as arguments, not as one
     * object, so that recording allocates nothing for them.
     *
     * @param response null before it exists
     * @param method   the normalised request method
     */
    String value(ContainerRequestContext request, ContainerResponseContext response, String method, int status,
                 ResourceMethodInfo matched) {
        switch (kind) {
            case STATIC:
                return argument;
            case METHOD:
                return method;
            case STATUS:
                return Integer.toString(status);
            case TEMPLATE:
                return matched.template(request);
            case ENDPOINT:
                return matched.endpoint;
            default:
                return UntrustedValues.cut(requestValue(request, response), maxLength);
        }
    }

    private String requestValue(ContainerRequestContext request, ContainerResponseContext response) {
        switch (kind) {
            case PATH:
                String path = request.getUriInfo().getPath();
                return path.startsWith("/") ? path : "/" + path;
            case PATH_PARAM:
                return request.getUriInfo().getPathParameters().getFirst(argument);
            case QUERY_PARAM:
                return request.getUriInfo().getQueryParameters().getFirst(argument);
            case HEADER:
                return request.getHeaderString(argument);
            default:
                return provider.value(request, response);
        }
    }
}
