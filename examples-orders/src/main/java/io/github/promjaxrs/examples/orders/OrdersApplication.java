package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.PrometheusMetrics;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The orders service as a plain Jakarta REST application: its resources, its exception mapper,
 * and promjaxrs, handed over the same way to Jersey and to RESTEasy.
 */
final class OrdersApplication extends Application {

    private final Set<Object> singletons;

    /** @param metrics null for none ({@code METRICS=off}) */
    OrdersApplication(PrometheusMetrics metrics, OrderStore store, String runtime) {
        Object service = new ServiceResource(runtime);
        Object orders = new OrdersResource(store);
        // metrics: all promjaxrs needs, since it is a jakarta.ws.rs.core.Feature
        this.singletons = metrics == null ? Set.of(service, orders) : Set.of(metrics, service, orders);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ReportsResource.class, OrderConflictMapper.class);
    }

    /**
     * Jakarta REST 3.1 deprecates this in favour of CDI, yet it is the one portable way to hand
     * a runtime instances (the metrics, and resources sharing the store) without a CDI container.
     */
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        return singletons;
    }
}
