package io.github.promjaxrs.internal.runtime.resteasy;

import io.github.promjaxrs.internal.endpoint.MetricsResource;
import java.lang.reflect.Method;
import org.jboss.resteasy.spi.Registry;
import org.jboss.resteasy.spi.metadata.ResourceBuilder;
import org.jboss.resteasy.spi.metadata.ResourceClass;

/** Adds the metrics resource, at the configured path, to a RESTEasy deployment's registry. */
final class MetricsEndpoint extends ResourceBuilder {

    private MetricsEndpoint() {
    }

    static void mount(Registry registry, String path, MetricsResource resource) {
        registry.addSingletonResource(resource, new MetricsEndpoint().resourceClass(path));
    }

    /** {@link MetricsResource} has no {@code @Path} of its own: its class path is the configured one. */
    private ResourceClass resourceClass(String path) {
        Method scrape = scrapeMethod();
        ResourceMethodBuilder get = buildRootResource(MetricsResource.class, path).method(scrape).get();
        ResourceMethodParameterBuilder parameter = null;
        for (int i = 0; i < scrape.getParameterCount(); i++) {
            parameter = (parameter == null ? get.param(i) : parameter.param(i)).fromAnnotations();
        }
        return (parameter == null ? get.buildMethod() : parameter.buildMethod()).buildClass();
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
