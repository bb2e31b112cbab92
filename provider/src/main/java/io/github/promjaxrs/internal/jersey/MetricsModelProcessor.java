package io.github.promjaxrs.internal.jersey;

import io.github.promjaxrs.internal.MetricsResource;
import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Method;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;

/** Adds the metrics resource, at the configured path, to a Jersey application's resource model. */
final class MetricsModelProcessor implements ModelProcessor {

    private final String path;
    private final MetricsResource resource;

    MetricsModelProcessor(String path, MetricsResource resource) {
        this.path = path;
        this.resource = resource;
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        Method scrape = scrapeMethod();
        Resource.Builder metrics = Resource.builder(path);
        metrics.addMethod("GET").handledBy(resource, scrape);
        return new ResourceModel.Builder(model.getRootResources(), false).addResource(metrics.build()).build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }

    private static Method scrapeMethod() {
        for (Method method : MetricsResource.class.getMethods()) {
            if (method.getName().equals("scrape")) {
                return method;
            }
        }
        throw new IllegalStateException("MetricsResource.scrape is missing");
    }
}
