package io.github.promjaxrs.internal.runtime;

import io.github.promjaxrs.internal.binding.RuntimeAdapter;
import io.github.promjaxrs.internal.runtime.portable.PortableRuntimeAdapter;
import jakarta.ws.rs.core.FeatureContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recognises the Jakarta REST runtime of an application from the configuration object it hands
 * the feature, not from what promjaxrs' class loader can see: a server may provide the runtime and
 * hide its classes from applications (Open Liberty hides RESTEasy). Where the runtime's classes
 * are visible, its adapter is loaded as usual; where they are hidden, through a
 * {@link RuntimeBridgeLoader} that sees both promjaxrs and the runtime; where neither works, the
 * portable adapter serves.
 */
public final class Runtimes {

    private static final Logger LOG = Logger.getLogger(Runtimes.class.getName());

    /**
     * A type of each runtime's configuration object, the package of its adapter, the adapter, and
     * runtime classes the adapter uses: a server may show an application part of a runtime only
     * (Open Liberty shows RESTEasy's SPI, {@code org.jboss.resteasy.spi}, and hides its core).
     */
    private enum Known {
        JERSEY("Jersey", "org.glassfish.jersey.server.ServerConfig", "io.github.promjaxrs.internal.runtime.jersey.",
                "JerseyRuntimeAdapter", "org.glassfish.jersey.server.ContainerRequest",
                "org.glassfish.jersey.server.model.ResourceMethodInvoker"),
        RESTEASY("RESTEasy", "org.jboss.resteasy.spi.ResteasyProviderFactory", "io.github.promjaxrs.internal.runtime.resteasy.",
                "ResteasyRuntimeAdapter", "org.jboss.resteasy.core.ResourceMethodInvoker",
                "org.jboss.resteasy.core.interception.jaxrs.PreMatchContainerRequestContext",
                "org.jboss.resteasy.plugins.server.Cleanables",
                "org.jboss.resteasy.core.providerfactory.ResteasyProviderFactoryImpl");

        final String displayName;
        final String configurationType;
        final String adapterPackage;
        final String adapterClass;
        final List<String> usedTypes;

        Known(String displayName, String configurationType, String adapterPackage, String adapterSimpleName,
              String... usedTypes) {
            this.displayName = displayName;
            this.configurationType = configurationType;
            this.adapterPackage = adapterPackage;
            this.adapterClass = adapterPackage + adapterSimpleName;
            this.usedTypes = List.of(usedTypes);
        }
    }

    /** One bridge per runtime class loader and runtime, however many applications are configured. */
    private static final Map<ClassLoader, Map<Known, RuntimeBridgeLoader>> BRIDGES = new WeakHashMap<>();

    private Runtimes() {
    }

    /** A new adapter for the application {@code context} configures. */
    public static RuntimeAdapter recognise(FeatureContext context) {
        Class<?> configuration = context.getConfiguration().getClass();
        for (Known runtime : Known.values()) {
            Class<?> type = find(configuration, runtime.configurationType);
            if (type != null) {
                RuntimeAdapter adapter = load(runtime, type);
                if (adapter != null) {
                    return adapter;
                }
            }
        }
        return new PortableRuntimeAdapter();
    }

    private static RuntimeAdapter load(Known runtime, Class<?> runtimeType) {
        ClassLoader own = Runtimes.class.getClassLoader();
        try {
            Class<?> adapter = seesRuntime(own, runtime, runtimeType)
                    ? Class.forName(runtime.adapterClass, true, own)
                    : bridge(own, runtimeType.getClassLoader(), runtime).loadClass(runtime.adapterClass);
            return (RuntimeAdapter) adapter.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // another major version, say: its requests are still recorded, through the Jakarta REST API
            LOG.log(Level.WARNING, "promjaxrs: cannot use " + runtime.displayName + "'s hooks ("
                    + runtimeType.getName() + " from " + runtimeType.getClassLoader()
                    + "); using the portable Jakarta REST adapter", e);
            return null;
        }
    }

    /** Whether promjaxrs' class loader sees the runtime's configuration type and every type its adapter uses as the runtime's own. */
    private static boolean seesRuntime(ClassLoader own, Known runtime, Class<?> runtimeType) {
        ClassLoader runtimeLoader = runtimeType.getClassLoader();
        try {
            if (Class.forName(runtimeType.getName(), false, own) != runtimeType) {
                return false;
            }
            for (String used : runtime.usedTypes) {
                if (Class.forName(used, false, own) != Class.forName(used, false, runtimeLoader)) {
                    return false;
                }
            }
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static RuntimeBridgeLoader bridge(ClassLoader own, ClassLoader runtimeLoader, Known runtime) {
        synchronized (BRIDGES) {
            return BRIDGES.computeIfAbsent(runtimeLoader, l -> new java.util.EnumMap<>(Known.class))
                    .computeIfAbsent(runtime, r -> new RuntimeBridgeLoader(own, runtimeLoader, r.adapterPackage));
        }
    }

    /** {@code type} itself, or the superclass or interface of it named {@code name}; null if none. */
    static Class<?> find(Class<?> type, String name) {
        Set<Class<?>> seen = new HashSet<>();
        return find(type, name, seen);
    }

    private static Class<?> find(Class<?> type, String name, Set<Class<?>> seen) {
        if (type == null || !seen.add(type)) {
            return null;
        }
        if (type.getName().equals(name)) {
            return type;
        }
        Class<?> found = find(type.getSuperclass(), name, seen);
        for (Class<?> implemented : type.getInterfaces()) {
            if (found == null) {
                found = find(implemented, name, seen);
            }
        }
        return found;
    }
}
