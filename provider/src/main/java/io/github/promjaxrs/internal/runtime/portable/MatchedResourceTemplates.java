package io.github.promjaxrs.internal.runtime.portable;

import io.github.promjaxrs.internal.recording.ResourceTemplate;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full template of a request through sub-resource locators from Jakarta REST 4.0's
 * {@code UriInfo.getMatchedResourceTemplate()}, where the runtime has it (promjaxrs compiles
 * against 3.1, so it is looked up). That template starts with the application path, which the
 * resource templates promjaxrs reports do not: it is cut where the root resource's own path begins.
 */
final class MatchedResourceTemplates {

    /** More distinct templates than any application has: past it, templates are computed each time. */
    private static final int MAX_CACHED = 1024;
    private static final MethodHandle MATCHED_RESOURCE_TEMPLATE = lookUp();

    private final Map<String, String> relativeByFull = new ConcurrentHashMap<>();

    private static MethodHandle lookUp() {
        try {
            return MethodHandles.publicLookup().findVirtual(UriInfo.class, "getMatchedResourceTemplate",
                    MethodType.methodType(String.class));
        } catch (ReflectiveOperationException e) {
            return null; // Jakarta REST 3.1
        }
    }

    /** The full route of a request that came through locators; null otherwise or on 3.1. */
    String fullTemplate(ContainerRequestContext request) {
        UriInfo uriInfo = request.getUriInfo();
        List<Object> resources = uriInfo.getMatchedResources();
        if (MATCHED_RESOURCE_TEMPLATE == null || resources.size() < 2) {
            return null;
        }
        String full;
        try {
            full = (String) MATCHED_RESOURCE_TEMPLATE.invoke(uriInfo);
        } catch (Throwable e) {
            return null;
        }
        if (full == null) {
            return null;
        }
        String relative = relativeByFull.get(full);
        if (relative == null) {
            relative = relative(ResourceTemplate.route(full), resources.get(resources.size() - 1).getClass());
            if (relative != null && relativeByFull.size() < MAX_CACHED) {
                relativeByFull.putIfAbsent(full, relative);
            }
        }
        return relative;
    }

    /** {@code full} from where {@code root}'s path begins, or null where that cannot be found. */
    private static String relative(String full, Class<?> root) {
        Path path = root.getAnnotation(Path.class);
        String rootPath = path == null ? "/" : ResourceTemplate.route(path.value());
        if (rootPath.equals("/")) {
            return null;
        }
        for (int i = full.indexOf(rootPath); i >= 0; i = full.indexOf(rootPath, i + 1)) {
            int end = i + rootPath.length();
            if (end == full.length() || full.charAt(end) == '/') {
                return full.substring(i);
            }
        }
        return null;
    }
}
