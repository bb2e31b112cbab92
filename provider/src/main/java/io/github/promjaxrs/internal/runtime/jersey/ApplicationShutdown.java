package io.github.promjaxrs.internal.runtime.jersey;

import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Tells promjaxrs when Jersey shuts an application down (an undeployed WAR, a stopped server),
 * so that an instance no code can close ({@code PrometheusMetricsFeature}'s) closes with its last
 * application: its separate port and threads do not outlive it.
 */
final class ApplicationShutdown implements ContainerLifecycleListener {

    private final Runnable stopped;

    ApplicationShutdown(Runnable stopped) {
        this.stopped = stopped;
    }

    @Override
    public void onStartup(Container container) {
    }

    @Override
    public void onReload(Container container) {
    }

    @Override
    public void onShutdown(Container container) {
        stopped.run();
    }
}
