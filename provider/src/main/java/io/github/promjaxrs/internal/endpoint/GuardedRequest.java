package io.github.promjaxrs.internal.endpoint;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the {@code metricsEndpointFilter} sees it where promjaxrs runs the guard itself:
 * everything is the request's, but an {@link #abortWith} is kept, so that promjaxrs can tell a
 * refusal (which it then answers) from an admission.
 */
public final class GuardedRequest implements ContainerRequestContext {

    private final ContainerRequestContext request;
    private Response refusal;

    public GuardedRequest(ContainerRequestContext request) {
        this.request = request;
    }

    /** The response the guard aborted with, or null when it admitted the request. */
    public Response refusal() {
        return refusal;
    }

    @Override
    public void abortWith(Response response) {
        this.refusal = response;
    }

    @Override
    public Object getProperty(String name) {
        return request.getProperty(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
        return request.getPropertyNames();
    }

    @Override
    public void setProperty(String name, Object object) {
        request.setProperty(name, object);
    }

    @Override
    public void removeProperty(String name) {
        request.removeProperty(name);
    }

    @Override
    public UriInfo getUriInfo() {
        return request.getUriInfo();
    }

    @Override
    public void setRequestUri(URI requestUri) {
        request.setRequestUri(requestUri);
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
        request.setRequestUri(baseUri, requestUri);
    }

    @Override
    public Request getRequest() {
        return request.getRequest();
    }

    @Override
    public String getMethod() {
        return request.getMethod();
    }

    @Override
    public void setMethod(String method) {
        request.setMethod(method);
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
        return request.getHeaders();
    }

    @Override
    public String getHeaderString(String name) {
        return request.getHeaderString(name);
    }

    @Override
    public Date getDate() {
        return request.getDate();
    }

    @Override
    public Locale getLanguage() {
        return request.getLanguage();
    }

    @Override
    public int getLength() {
        return request.getLength();
    }

    @Override
    public MediaType getMediaType() {
        return request.getMediaType();
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return request.getAcceptableMediaTypes();
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return request.getAcceptableLanguages();
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return request.getCookies();
    }

    @Override
    public boolean hasEntity() {
        return request.hasEntity();
    }

    @Override
    public InputStream getEntityStream() {
        return request.getEntityStream();
    }

    @Override
    public void setEntityStream(InputStream input) {
        request.setEntityStream(input);
    }

    @Override
    public SecurityContext getSecurityContext() {
        return request.getSecurityContext();
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
        request.setSecurityContext(context);
    }
}
