package io.github.promjaxrs.internal;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;

/**
 * The template label value of a resource method: its {@code @Path} templates joined relative to
 * the application root, with one leading slash and regular-expression constraints stripped
 * ({@code /items/{id: [0-9]+}} → {@code /items/{id}}).
 */
public final class ResourceTemplate {

    private ResourceTemplate() {
    }

    /** The template of a method reached directly from a root resource class. */
    public static String of(Class<?> resourceClass, Method method) {
        Path classPath = resourceClass.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        return join(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
    }

    /** Joins template parts in order, normalised: {@code ("/orders/", "{id: \\d+}")} → {@code /orders/{id}}. */
    public static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            appendNormalised(out, part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void appendNormalised(StringBuilder out, String template) {
        out.append('\0'); // a part always starts a new segment
        int depth = 0;
        boolean inRegex = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    startSegmentIfNeeded(out);
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    inRegex = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
                continue;
            }
            if (inRegex) {
                continue;
            }
            if (depth == 1) {
                if (!Character.isWhitespace(c)) {
                    out.append(c);
                }
            } else if (c == '/') {
                // segments are opened lazily, so empty ones (leading, trailing, doubled) vanish
                out.append('\0');
            } else {
                startSegmentIfNeeded(out);
                out.append(c);
            }
        }
        trimMarkers(out);
    }

    private static void startSegmentIfNeeded(StringBuilder out) {
        int n = out.length();
        if (n == 0 || out.charAt(n - 1) == '\0') {
            trimMarkers(out);
            out.append('/');
        }
    }

    private static void trimMarkers(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == '\0') {
            n--;
        }
        out.setLength(n);
    }
}
