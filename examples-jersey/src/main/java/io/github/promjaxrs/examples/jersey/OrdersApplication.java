package io.github.promjaxrs.examples.jersey;

import io.github.promjaxrs.PrometheusMetrics;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The orders service as a Jersey application: its resources, its exception mapper, and promjaxrs. */
final class OrdersApplication extends ResourceConfig {

    /** @param metrics null for none ({@code METRICS=off}) */
    OrdersApplication(PrometheusMetrics metrics, OrderStore store) {
        if (metrics != null) {
            register(metrics); // all promjaxrs needs: it is a jakarta.ws.rs.core.Feature
        }
        register(ServiceResource.class);
        register(OrdersResource.class);
        register(ReportsResource.class);
        register(OrderConflictMapper.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(store).to(OrderStore.class); // what OrdersResource's @Inject constructor receives
            }
        });
        // features this service does not use, which would only warn at start-up that their libraries are absent
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "DATASOURCE");
    }
}
