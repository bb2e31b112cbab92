package io.github.promjaxrs.internal.endpoint;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scrape on the separate port, seen as a {@link ContainerRequestContext}, so that the
 * {@code metricsEndpointFilter} guards that port exactly as it guards the in-application
 * endpoint. Headers, method, URI and {@link #abortWith} are real; there is no entity, no
 * matched resource, and nothing can be changed but properties.
 */
final class PortRequestContext implements ContainerRequestContext {

    private final RequestHead request;
    private final URI baseUri;
    private final Map<String, Object> properties = new HashMap<>();
    private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    private Response abortResponse;

    PortRequestContext(RequestHead request) {
        this.request = request;
        String host = request.local.getHostString();
        this.baseUri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + request.local.getPort() + "/");
        request.headers.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    }

    /** The response a filter aborted with, or null. */
    Response abortResponse() {
        return abortResponse;
    }

    @Override
    public void abortWith(Response response) {
        this.abortResponse = response;
    }

    @Override
    public Object getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public void setProperty(String name, Object object) {
        properties.put(name, object);
    }

    @Override
    public void removeProperty(String name) {
        properties.remove(name);
    }

    @Override
    public UriInfo getUriInfo() {
        return new ScrapeUriInfo();
    }

    @Override
    public void setRequestUri(URI requestUri) {
        throw unsupported("setRequestUri");
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
        throw unsupported("setRequestUri");
    }

    @Override
    public Request getRequest() {
        throw unsupported("getRequest");
    }

    @Override
    public String getMethod() {
        return request.method;
    }

    @Override
    public void setMethod(String method) {
        throw unsupported("setMethod");
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
        return headers;
    }

    @Override
    public String getHeaderString(String name) {
        List<String> values = request.headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public int getLength() {
        String length = getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public MediaType getMediaType() {
        String type = getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null ? null : MediaType.valueOf(type);
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of(MediaType.WILDCARD_TYPE);
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return List.of(Locale.ROOT);
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return Map.of();
    }

    @Override
    public boolean hasEntity() {
        return false;
    }

    @Override
    public InputStream getEntityStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public void setEntityStream(InputStream input) {
        throw unsupported("setEntityStream");
    }

    @Override
    public SecurityContext getSecurityContext() {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return null;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
        throw unsupported("setSecurityContext");
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("promjaxrs: " + method
                + " is not available to a metricsEndpointFilter on the separate metrics port");
    }

    /** The request URI of the scrape; it matched no resource, so there are no path parameters. */
    private final class ScrapeUriInfo implements UriInfo {

        private URI requestUri() {
            return baseUri.resolve(request.target);
        }

        @Override
        public String getPath() {
            return getPath(true);
        }

        @Override
        public String getPath(boolean decode) {
            String path = decode ? request.target.getPath() : request.target.getRawPath();
            return path == null || path.isEmpty() ? "" : path.substring(1);
        }

        @Override
        public List<PathSegment> getPathSegments() {
            return List.of();
        }

        @Override
        public List<PathSegment> getPathSegments(boolean decode) {
            return List.of();
        }

        @Override
        public URI getRequestUri() {
            return requestUri();
        }

        @Override
        public UriBuilder getRequestUriBuilder() {
            return UriBuilder.fromUri(requestUri());
        }

        @Override
        public URI getAbsolutePath() {
            return baseUri.resolve(request.target.getRawPath());
        }

        @Override
        public UriBuilder getAbsolutePathBuilder() {
            return UriBuilder.fromUri(getAbsolutePath());
        }

        @Override
        public URI getBaseUri() {
            return baseUri;
        }

        @Override
        public UriBuilder getBaseUriBuilder() {
            return UriBuilder.fromUri(baseUri);
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters() {
            return getQueryParameters(true);
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
            MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
            String query = request.target.getRawQuery();
            if (query == null) {
                return parameters;
            }
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.add(decode ? decode(name) : name, decode ? decode(value) : value);
            }
            return parameters;
        }

        private String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }

        @Override
        public List<String> getMatchedURIs() {
            return List.of();
        }

        @Override
        public List<String> getMatchedURIs(boolean decode) {
            return List.of();
        }

        @Override
        public List<Object> getMatchedResources() {
            return List.of();
        }

        @Override
        public URI resolve(URI uri) {
            return baseUri.resolve(uri);
        }

        @Override
        public URI relativize(URI uri) {
            return requestUri().relativize(uri);
        }
    }
}
