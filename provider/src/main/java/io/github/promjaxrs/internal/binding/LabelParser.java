package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.LabelValue;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.internal.recording.LabelSource;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@code @Label} into the {@link LabelSource} a request is looked up with, at start-up. */
final class LabelParser {

    private LabelParser() {
    }

    /**
     * Validates {@code label} for {@code method}.
     *
     * @param where     names the metric and method, for messages
     * @param maxLength the length request-derived values are cut to
     * @throws IllegalArgumentException naming the method, metric and attribute at fault
     */
    static LabelSource parse(Label label, Method method, String staticTemplate, String where, int maxLength) {
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
                return new LabelSource(label.name(), LabelSource.Kind.STATIC, label.value(), null, maxLength);
            case "from":
                if (label.from().length != 1) {
                    throw new IllegalArgumentException(at + ": from: give one source, found " + label.from().length);
                }
                return new LabelSource(label.name(), LabelSource.Kind.valueOf(label.from()[0].name()), null, null,
                        maxLength);
            case "pathParam":
                if (!declaresPathParam(method, staticTemplate, label.pathParam())) {
                    throw new IllegalArgumentException(at + ": pathParam: \"" + label.pathParam()
                            + "\" is not a path parameter of " + method.getDeclaringClass().getSimpleName() + "."
                            + method.getName());
                }
                return new LabelSource(label.name(), LabelSource.Kind.PATH_PARAM, label.pathParam(), null, maxLength);
            case "queryParam":
                return new LabelSource(label.name(), LabelSource.Kind.QUERY_PARAM, label.queryParam(), null, maxLength);
            case "header":
                return new LabelSource(label.name(), LabelSource.Kind.HEADER, label.header(), null, maxLength);
            default:
                return new LabelSource(label.name(), LabelSource.Kind.PROVIDER, null, instantiate(label.provider(), at),
                        maxLength);
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
