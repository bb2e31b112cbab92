package io.github.promjaxrs.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Picks the {@link RuntimeAdapter} chain for the Jakarta REST implementations on the class path. */
public final class RuntimeDetection {

    private static final Logger LOG = Logger.getLogger(RuntimeDetection.class.getName());

    private RuntimeDetection() {
    }

    /** The adapter chain for the runtimes on the class path. */
    public static RuntimeAdapter detect() {
        RuntimeAdapter adapter = RuntimeAdapter.portable();
        // each adapter class is loaded only when its runtime is present, by a factory typed RuntimeAdapter
        if (isPresent("org.glassfish.jersey.server.ContainerRequest")) {
            try {
                adapter = io.github.promjaxrs.internal.jersey.JerseyRuntimeAdapter.create(adapter);
            } catch (LinkageError e) {
                unsupported("Jersey", e);
            }
        }
        if (isPresent("org.jboss.resteasy.core.ResourceMethodInvoker")) {
            try {
                adapter = io.github.promjaxrs.internal.resteasy.ResteasyRuntimeAdapter.create(adapter);
            } catch (LinkageError e) {
                unsupported("RESTEasy", e);
            }
        }
        return adapter;
    }

    private static void unsupported(String runtime, LinkageError e) {
        // another major version: its requests are still recorded, through the portable adapter
        LOG.log(Level.WARNING, "promjaxrs: " + runtime + " is on the class path in a version promjaxrs has no "
                + "adapter for; using the portable Jakarta REST adapter", e);
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, RuntimeDetection.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
