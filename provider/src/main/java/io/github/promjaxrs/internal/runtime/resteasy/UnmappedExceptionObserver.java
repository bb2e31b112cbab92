package io.github.promjaxrs.internal.runtime.resteasy;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.core.SynchronousDispatcher;
import org.jboss.resteasy.spi.ApplicationException;
import org.jboss.resteasy.spi.Dispatcher;
import org.jboss.resteasy.spi.Failure;
import org.jboss.resteasy.spi.HttpRequest;

/**
 * Sees every exception a resource method (or locator) throws, and maps none of them.
 *
 * <p>RESTEasy wraps what a resource method throws in its own {@link ApplicationException} and
 * asks first for a mapper of exactly that class; a mapper that answers {@code null} there is
 * passed over, and RESTEasy unwraps and maps the exception as it would have without it (see
 * {@code ExceptionHandler.handleApplicationException} in RESTEasy 6.2). So the client sees
 * exactly what it would without promjaxrs. This class only marks the request when the cause is
 * one that no mapper of the application maps, which RESTEasy then answers with its default
 * exception mapper (a 500).
 */
public final class UnmappedExceptionObserver implements ExceptionMapper<ApplicationException> {

    private static final String DEFAULT_MAPPER = "org.jboss.resteasy.core.providerfactory.DefaultExceptionMapper";

    @Override
    public Response toResponse(ApplicationException exception) {
        HttpRequest request = ResteasyContext.getContextData(HttpRequest.class);
        Throwable cause = exception.getCause();
        if (request != null && cause != null) {
            request.setAttribute(isUnmapped(cause) ? ResteasyRuntimeAdapter.UNMAPPED : ResteasyRuntimeAdapter.MAPPED,
                    Boolean.TRUE);
            // a mapper may yet fail on it, and RESTEasy throw it to the container past the response filters
            ResteasyRequestState.recordAllAtDispatchEnd(request);
        }
        return null; // not mapped here: RESTEasy goes on to the application's mappers and its default one
    }

    /** Whether RESTEasy answers {@code cause} with its default exception mapper: no application mapper maps it. */
    @SuppressWarnings("unchecked")
    static boolean isUnmapped(Throwable cause) {
        if (cause instanceof WebApplicationException || cause instanceof Failure) {
            return false; // they carry their response
        }
        Providers providers = ResteasyContext.getContextData(Providers.class);
        if (providers == null) {
            return false;
        }
        ExceptionMapper<?> mapper = providers.getExceptionMapper((Class<Throwable>) cause.getClass());
        if (mapper != null && !mapper.getClass().getName().equals(DEFAULT_MAPPER)) {
            return false;
        }
        // wrappers named in resteasy.unwrapped.exceptions are mapped by their cause
        return cause.getCause() == null || !isUnwrapped(cause) || isUnmapped(cause.getCause());
    }

    private static boolean isUnwrapped(Throwable exception) {
        Dispatcher dispatcher = ResteasyContext.getContextData(Dispatcher.class);
        return dispatcher instanceof SynchronousDispatcher synchronous
                && synchronous.getUnwrappedExceptions().contains(exception.getClass().getName());
    }
}
