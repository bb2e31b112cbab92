package io.github.promjaxrs.internal.runtime.resteasy;

import io.github.promjaxrs.internal.recording.ResourceTemplate;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.core.LocatorRegistry;
import org.jboss.resteasy.core.ResourceLocatorInvoker;
import org.jboss.resteasy.core.ResourceMethodInvoker;
import org.jboss.resteasy.core.ResourceMethodRegistry;
import org.jboss.resteasy.core.registry.RootNode;
import org.jboss.resteasy.spi.Registry;
import org.jboss.resteasy.spi.ResourceInvoker;

/**
 * The full template of a method reached through sub-resource locators on RESTEasy, which keeps
 * no record of the locators a request went through. It does keep them in its registry: each
 * {@link ResourceLocatorInvoker} holds one {@link LocatorRegistry} per class its locator returned,
 * with invokers of its own. The path from the root registry down to the invoker that served the
 * request is the locator chain, and the paths those invokers were registered at are its template.
 * Called once per chain (the result is cached by the caller).
 */
final class LocatorTemplates {

    private static final Logger LOG = Logger.getLogger(LocatorTemplates.class.getName());
    private static final Field SUBRESOURCES = field(ResourceLocatorInvoker.class, "cachedSubresources");
    private static final Field LOCATOR_ROOT = field(LocatorRegistry.class, "root");

    private LocatorTemplates() {
    }

    /** The template of {@code target}, relative to the application; never null. */
    static String of(Registry registry, ResourceMethodInvoker target) {
        if (registry instanceof ResourceMethodRegistry resources && target != null
                && SUBRESOURCES != null && LOCATOR_ROOT != null) {
            Deque<String> path = new ArrayDeque<>();
            if (find(resources.getBounded(), target, path)) {
                return ResourceTemplate.route(path.toArray(String[]::new));
            }
        }
        // not expected; a bounded value all the same
        LOG.warning("promjaxrs: cannot find the locator chain of " + (target == null ? "a request" : target.getMethod())
                + " in RESTEasy's registry; recording the method's own template");
        return target == null ? "/" : ResourceTemplate.route(methodPath(target));
    }

    private static boolean find(Map<String, List<ResourceInvoker>> bounded, ResourceMethodInvoker target,
                                Deque<String> path) {
        for (Map.Entry<String, List<ResourceInvoker>> entry : bounded.entrySet()) {
            path.addLast(entry.getKey());
            for (ResourceInvoker invoker : entry.getValue()) {
                if (invoker == target) {
                    return true;
                }
                if (invoker instanceof ResourceLocatorInvoker locator) {
                    for (LocatorRegistry subresources : subresources(locator)) {
                        if (find(root(subresources).getBounded(), target, path)) {
                            return true;
                        }
                    }
                }
            }
            path.removeLast();
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Iterable<LocatorRegistry> subresources(ResourceLocatorInvoker locator) {
        try {
            return ((Map<Class<?>, LocatorRegistry>) SUBRESOURCES.get(locator)).values();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RootNode root(LocatorRegistry registry) {
        try {
            return (RootNode) LOCATOR_ROOT.get(registry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String methodPath(ResourceMethodInvoker target) {
        jakarta.ws.rs.Path path = target.getMethod().getAnnotation(jakarta.ws.rs.Path.class);
        return path == null ? "" : path.value();
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "promjaxrs: this RESTEasy version has no " + type.getSimpleName() + "." + name
                    + "; templates of sub-resource locators fall back to the method's own", e);
            return null;
        }
    }
}
