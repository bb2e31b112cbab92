package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;

/**
 * The templates of a resource method: its {@code @Path} templates joined relative to the
 * application root with one leading slash and no empty segment, either as a <em>route</em>, in
 * Jakarta REST's own form with regular-expression constraints kept as written
 * ({@code /items/{id: [0-9]+}}, the OpenTelemetry {@code http.route}), or <em>normalised</em>,
 * constraints stripped ({@code /items/{id}}, the {@code path} label).
 */
public final class ResourceTemplate {

    private ResourceTemplate() {
    }

    /** The route of a method reached directly from a root resource class. */
    public static String of(Class<?> resourceClass, Method method) {
        Path classPath = resourceClass.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        return route(classPath == null ? "" : classPath.value(), methodPath == null ? "" : methodPath.value());
    }

    /** Joins template parts in order, normalised: {@code ("/orders/", "{id: \\d+}")} → {@code /orders/{id}}. */
    public static String join(String... parts) {
        return join(false, parts);
    }

    /** Joins template parts in order as a route: {@code ("/orders/", "{id: \\d+}")} → {@code /orders/{id: \\d+}}. */
    public static String route(String... parts) {
        return join(true, parts);
    }

    private static String join(boolean keepRegex, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            append(out, part, keepRegex);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static void append(StringBuilder out, String template, boolean keepRegex) {
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
            }
            if (depth >= 1 && keepRegex) {
                out.append(c);
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
