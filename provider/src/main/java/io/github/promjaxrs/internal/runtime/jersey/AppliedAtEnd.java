package io.github.promjaxrs.internal.runtime.jersey;

import io.github.promjaxrs.internal.recording.MethodRecording;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The {@link MethodRecording} to apply as a request ends, found from the {@link ResourceMethod}
 * Jersey matched. They are kept by resource class and Java method, as the {@code DynamicFeature}
 * sees them. A root resource method's model Jersey builds once, so after its first request it is
 * also found by identity, one probe of a table, instead of two hash lookups that compare
 * {@code Method}s. Methods reached through sub-resource locators are not: Jersey may rebuild their
 * models, and an identity table would keep every copy.
 */
final class AppliedAtEnd {

    /** More root resource methods than any application has; only a reloaded one could get here. */
    private static final int MAX_BY_IDENTITY = 512;
    /** What {@link #byIdentity} holds for a method with no metrics applied at its end. */
    private static final Object NO_METRICS = new Object();

    private final Map<Class<?>, Map<Method, MethodRecording>> byHandler = new ConcurrentHashMap<>();
    /** Copy-on-write, so every request reads it without a lock; written once per root resource method. */
    private volatile IdentityHashMap<ResourceMethod, Object> byIdentity = new IdentityHashMap<>();

    void put(Class<?> resourceClass, Method method, MethodRecording metrics) {
        byHandler.computeIfAbsent(resourceClass, c -> new ConcurrentHashMap<>()).put(method, metrics);
    }

    /**
     * The metrics taken for {@code matched}, or null.
     *
     * @param viaLocators whether the request reached it through sub-resource locators
     */
    MethodRecording get(ResourceMethod matched, boolean viaLocators) {
        Object known = byIdentity.get(matched);
        if (known != null) {
            return known == NO_METRICS ? null : (MethodRecording) known;
        }
        // the class and method ResourceMethodInvoker shows the DynamicFeature
        Invocable invocable = matched.getInvocable();
        Map<Method, MethodRecording> byMethod = byHandler.get(invocable.getHandler().getHandlerClass());
        MethodRecording metrics = byMethod == null ? null : byMethod.get(invocable.getHandlingMethod());
        if (!viaLocators) {
            remember(matched, metrics);
        }
        return metrics;
    }

    private synchronized void remember(ResourceMethod matched, MethodRecording metrics) {
        if (byIdentity.size() < MAX_BY_IDENTITY && !byIdentity.containsKey(matched)) {
            IdentityHashMap<ResourceMethod, Object> copy = new IdentityHashMap<>(byIdentity);
            copy.put(matched, metrics == null ? NO_METRICS : metrics);
            byIdentity = copy;
        }
    }
}
