package io.github.promjaxrs.internal.runtime.resteasy;

import io.github.promjaxrs.internal.binding.Instrumentation;
import io.github.promjaxrs.internal.binding.MethodHooks;
import io.github.promjaxrs.internal.binding.RuntimeAdapter;
import io.github.promjaxrs.internal.recording.MethodRecording;
import io.github.promjaxrs.internal.recording.MethodRecordingFilter;
import io.github.promjaxrs.internal.recording.RequestStateProperty;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Providers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.core.ResourceMethodInvoker;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.core.providerfactory.ResteasyProviderFactoryImpl;
import org.jboss.resteasy.specimpl.ResteasyUriInfo;
import org.jboss.resteasy.spi.ProviderFactoryDelegate;
import org.jboss.resteasy.spi.Registry;

/**
 * RESTEasy 6.2's hooks. A request's timing is a request property, as on any runtime
 * ({@link ResteasyRecordingFilter}). What the Jakarta REST API does not tell, RESTEasy's own data does:
 * <ul>
 * <li>the locator chain: the {@link ResourceMethodInvoker} that RESTEasy made for a sub-resource
 *     method belongs to one locator chain only, and {@link LocatorTemplates} finds that chain's
 *     templates in the registry (once per invoker);</li>
 * <li>an exception no mapper handled: RESTEasy answers it with its default exception mapper, so
 *     the response filters do run, but nothing in the response tells it from an application's
 *     500. {@link UnmappedExceptionObserver} marks the request when a resource method (or
 *     locator) threw something no application mapper maps; an asynchronous response is recorded
 *     in a completion callback, which RESTEasy gives the exception it answered; a
 *     {@link ResteasyRequestState} records a request that RESTEasy threw to the container unanswered
 *     (its default mapper turned off, or a mapper failed). An exception thrown by a filter is
 *     recorded with its 500 but not counted as an exception; where an application mapper then
 *     fails on it too, with the default mapper on, the request is not recorded at all;</li>
 * <li>the metrics endpoint is added to the deployment's {@link Registry} as a singleton resource,
 *     as soon as the registry is at hand: when the feature is configured, when the first resource
 *     method is built, or at the latest before the first request is matched.</li>
 * </ul>
 * Where the application cannot see RESTEasy's classes (Open Liberty hides them), this package is
 * loaded through RESTEasy's own class loader (see {@code Runtimes}): it uses only public members
 * of promjaxrs' other packages.
 */
public final class ResteasyRuntimeAdapter implements RuntimeAdapter, MethodHooks {

    /** The {@code HttpRequest} attribute {@link UnmappedExceptionObserver} sets. */
    static final String UNMAPPED = ResteasyRuntimeAdapter.class.getName() + ".unmappedException";
    /** The {@code HttpRequest} attribute {@link UnmappedExceptionObserver} sets for an exception an application mapper maps. */
    static final String MAPPED = ResteasyRuntimeAdapter.class.getName() + ".mappedException";
    private static final String INVOKER = ResourceMethodInvoker.class.getName();
    /** More locator chains than any application has: past it, templates are found again for each request. */
    private static final int MAX_CACHED_TEMPLATES = 1024;

    private final RequestStateProperty timings = new RequestStateProperty();
    private final Map<ResourceMethodInvoker, String> templatesByInvoker = new ConcurrentHashMap<>();
    private Instrumentation instrumentation;
    private volatile boolean mounted;
    /** Whether RESTEasy throws an exception no mapper handles to the container; null until the first request. */
    private Boolean unmappedExceptionsReachTheContainer;

    @Override
    public void install(FeatureContext context, Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
        this.mounted = instrumentation.metricsResource() == null;
        context.register(new ResteasyRecordingFilter(instrumentation.recorder(), timings, this),
                ResteasyRecordingFilter.PRIORITY);
        if (!context.getConfiguration().isRegistered(UnmappedExceptionObserver.class)) {
            // the lowest priority: an application's own mapper of this RESTEasy type, if any, comes first
            context.register(new UnmappedExceptionObserver(), Integer.MAX_VALUE);
        }
        context.register(instrumentation.dynamicFeature(this));
        mountIfNeeded();
    }

    @Override
    public void configuring(FeatureContext context) {
        mountIfNeeded();
    }

    @Override
    public void bind(ResourceInfo method, FeatureContext context, MethodRecording metrics) {
        context.register(new MethodRecordingFilter(timings::get, metrics), MethodRecordingFilter.PRIORITY);
    }

    /**
     * Mounts the endpoint in the deployment's registry, once per registry, if RESTEasy has pushed
     * it for this thread: registered through an {@code Application} or the deployment's providers,
     * the deployment is being started; registered with a provider factory before resources are
     * added ({@code MockDispatcherFactory}), only a request has it.
     */
    void mountIfNeeded() {
        if (mounted) {
            return;
        }
        Registry registry = ResteasyContext.getContextData(Registry.class);
        if (registry == null) {
            return;
        }
        if (instrumentation.firstMountIn(registry)) {
            MetricsEndpoint.mount(registry, instrumentation.metricsPath(), instrumentation.metricsResource());
        }
        mounted = true;
    }

    /**
     * Whether RESTEasy throws an exception no mapper handles to the container, past the response
     * filters: its default exception mapper is off ({@code dev.resteasy.exception.mapper=false}).
     * Where the provider factory is not one whose setting can be read, assumed so.
     */
    boolean unmappedExceptionsReachTheContainer() {
        Boolean reach = unmappedExceptionsReachTheContainer;
        if (reach == null) {
            Object providers = ResteasyContext.getContextData(Providers.class);
            while (providers instanceof ProviderFactoryDelegate delegate && delegate.getDelegate() != providers) {
                providers = delegate.getDelegate();
            }
            reach = !(providers instanceof ResteasyProviderFactoryImpl factory) || !factory.isDefaultExceptionManagerEnabled();
            unmappedExceptionsReachTheContainer = reach; // a Boolean constant: safe to publish without a barrier
        }
        return reach;
    }

    @Override
    public String fullTemplate(ContainerRequestContext request) {
        // the resource the method was invoked on, then each one whose locator led to it
        if (!(request.getUriInfo() instanceof ResteasyUriInfo uriInfo) || uriInfo.getMatchedResources().size() < 2
                || !(request.getProperty(INVOKER) instanceof ResourceMethodInvoker invoker)) {
            return null;
        }
        String template = templatesByInvoker.get(invoker);
        if (template == null) {
            template = LocatorTemplates.of(ResteasyContext.getContextData(Registry.class), invoker);
            if (templatesByInvoker.size() < MAX_CACHED_TEMPLATES) {
                templatesByInvoker.putIfAbsent(invoker, template);
            }
        }
        return template;
    }
}
