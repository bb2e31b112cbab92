package io.github.promjaxrs.e2ewar.metered;

import io.github.promjaxrs.PrometheusMetrics;
import io.github.promjaxrs.e2ewar.Resources;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * promjaxrs registered the README way: the resources from getClasses(), the built
 * PrometheusMetrics from getSingletons(), a new one per Application instance (a server may
 * make several).
 */
@ApplicationPath("/api")
public class MeteredApplication extends Application {

    private final Set<Object> singletons = Set.of(PrometheusMetrics.builder().build());

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.classes();
    }

    @Override
    public Set<Object> getSingletons() {
        return singletons;
    }
}
