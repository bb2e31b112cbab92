package io.github.promjaxrs.internal.runtime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads one runtime adapter package of promjaxrs where the application cannot see the runtime's
 * classes: the adapter's own classes are defined here, from promjaxrs' jar; the runtime's
 * ({@code org.glassfish.jersey.*}, {@code org.jboss.resteasy.*}) come from the class loader of the
 * runtime's configuration object; everything else (promjaxrs, client_java, the Jakarta REST API)
 * from promjaxrs' own class loader, so the adapter and promjaxrs share their types.
 */
final class RuntimeBridgeLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtime;
    private final String adapterPackage;

    RuntimeBridgeLoader(ClassLoader own, ClassLoader runtime, String adapterPackage) {
        super("promjaxrs-" + adapterPackage, own);
        this.runtime = runtime;
        this.adapterPackage = adapterPackage;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(adapterPackage)) {
                    loaded = define(name);
                } else if (name.startsWith("org.glassfish.jersey.") || name.startsWith("org.jboss.resteasy.")) {
                    loaded = runtime.loadClass(name);
                } else {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length, RuntimeBridgeLoader.class.getProtectionDomain());
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
