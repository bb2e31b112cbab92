package io.github.promjaxrs.internal;

import io.github.promjaxrs.LabelValue;
import io.github.promjaxrs.annotation.Label;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** One {@link Label} of an annotation metric, validated and resolved at start-up. */
final class LabelSource {

    enum Kind { STATIC, METHOD, STATUS, PATH, TEMPLATE, ENDPOINT, PATH_PARAM, QUERY_PARAM, HEADER, PROVIDER }

    final String name;
    final Kind kind;
    private final String argument;
    private final LabelValue provider;
    private final int maxLength;

    private LabelSource(String name, Kind kind, String argument, LabelValue provider, int maxLength) {
        this.name = name;
        this.kind = kind;
        this.argument = argument;
        this.provider = provider;
        this.maxLength = maxLength;
    }

    /**
     * Validates {@code label} for {@code method}.
     *
     * @param where     names the metric and method, for messages
     * @param maxLength the length request-derived values are cut to
     * @throws IllegalArgumentException naming the method, metric and attribute at fault
     */
    static LabelSource of(Label label, Method method, String staticTemplate, String where, int maxLength) {
        String at = where + ": labels: @Label(name=\"" + label.name() + "\")";
        try {
            Naming.requireLabelName(label.name(), "name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
        List<String> sources = new ArrayList<>();
        if (!label.value().isEmpty()) {
            sources.add("value");
        }
        if (label.from().length > 0) {
            sources.add("from");
        }
        if (!label.pathParam().isEmpty()) {
            sources.add("pathParam");
        }
        if (!label.queryParam().isEmpty()) {
            sources.add("queryParam");
        }
        if (!label.header().isEmpty()) {
            sources.add("header");
        }
        if (label.provider() != LabelValue.class) {
            sources.add("provider");
        }
        if (sources.size() != 1) {
            throw new IllegalArgumentException(at + ": give exactly one of value, from, pathParam, queryParam, "
                    + "header, provider; found " + (sources.isEmpty() ? "none" : String.join(", ", sources)));
        }
        switch (sources.get(0)) {
            case "value":
                return new LabelSource(label.name(), Kind.STATIC, label.value(), null, maxLength);
            case "from":
                if (label.from().length != 1) {
                    throw new IllegalArgumentException(at + ": from: give one source, found " + label.from().length);
                }
                return new LabelSource(label.name(), Kind.valueOf(label.from()[0].name()), null, null, maxLength);
            case "pathParam":
                if (!declaresPathParam(method, staticTemplate, label.pathParam())) {
                    throw new IllegalArgumentException(at + ": pathParam: \"" + label.pathParam()
                            + "\" is not a path parameter of " + method.getDeclaringClass().getSimpleName() + "."
                            + method.getName());
                }
                return new LabelSource(label.name(), Kind.PATH_PARAM, label.pathParam(), null, maxLength);
            case "queryParam":
                return new LabelSource(label.name(), Kind.QUERY_PARAM, label.queryParam(), null, maxLength);
            case "header":
                return new LabelSource(label.name(), Kind.HEADER, label.header(), null, maxLength);
            default:
                return new LabelSource(label.name(), Kind.PROVIDER, null, instantiate(label.provider(), at),
                        maxLength);
        }
    }

    boolean isStatic() {
        return kind == Kind.STATIC;
    }

    boolean needsResponse() {
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
                 MatchedMethod matched) {
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

    private static boolean declaresPathParam(Method method, String staticTemplate, String name) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof PathParam pathParam && pathParam.value().equals(name)) {
                    return true;
                }
            }
        }
        return staticTemplate.contains("{" + name + "}");
    }

    private static LabelValue instantiate(Class<? extends LabelValue> type, String at) {
        try {
            Constructor<? extends LabelValue> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(at + ": provider: " + type.getName()
                    + " has no no-arg constructor", e);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(at + ": provider: cannot instantiate " + type.getName()
                    + ": " + e, e);
        }
    }
}
