package io.github.promjaxrs.internal.runtime.jersey;

import io.github.promjaxrs.internal.endpoint.MetricsResource;
import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Method;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;
import org.glassfish.jersey.uri.PathPattern;

/**
 * Adds the metrics resource, at the configured path, to a Jersey application's resource model.
 *
 * <p>Jersey tries root resources in the order of the Jakarta REST matching rules (most literal
 * characters first) and pays a regex {@code Matcher} for each one it tries, so a literal
 * {@code /metrics} would cost most other requests of the application one failed match. The
 * resource is therefore mounted as a template whose one variable must equal the path
 * ({@code /{promjaxrs: \Qmetrics\E}}): it matches exactly the same requests, and it comes after
 * every resource with more literal characters. Where an application resource that also matches
 * the path would then come first, the literal path is used, so the endpoint answers exactly the
 * requests it would answer as {@code @Path("/metrics")}.
 */
final class MetricsModelProcessor implements ModelProcessor {

    /**
     * A path below the root, of characters that mean the same in a path and inside {@code \Q...\E};
     * anything else (a template, the root itself) keeps the literal path.
     */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._~-][A-Za-z0-9/._~-]*");

    private final String path;
    private final MetricsResource resource;

    MetricsModelProcessor(String path, MetricsResource resource) {
        this.path = path;
        this.resource = resource;
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        Resource metrics = null;
        if (PLAIN_PATH.matcher(path).matches()) {
            metrics = scrapeResource("/{promjaxrs: " + Pattern.quote(path.substring(1)) + "}");
            for (Resource other : model.getRootResources()) {
                if (comesFirstFor(other, metrics)) {
                    metrics = null;
                    break;
                }
            }
        }
        if (metrics == null) {
            metrics = scrapeResource(path);
        }
        return new ResourceModel.Builder(model.getRootResources(), false).addResource(metrics).build();
    }

    /** Whether Jersey would try {@code other} before {@code metrics} for a request to the metrics path, and match it. */
    private boolean comesFirstFor(Resource other, Resource metrics) {
        PathPattern pattern = other.getPath() == null ? null : other.getPathPattern();
        return pattern != null && pattern.match(path) != null
                && PathPattern.COMPARATOR.compare(pattern, metrics.getPathPattern()) <= 0;
    }

    private Resource scrapeResource(String template) {
        Resource.Builder builder = Resource.builder(template);
        builder.addMethod("GET").handledBy(resource, scrapeMethod());
        return builder.build();
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
