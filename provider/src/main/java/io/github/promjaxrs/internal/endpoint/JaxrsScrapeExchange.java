package io.github.promjaxrs.internal.endpoint;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One scrape through the metrics resource, seen by client_java as an HTTP exchange. */
final class JaxrsScrapeExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

    private static final Logger LOG = Logger.getLogger(JaxrsScrapeExchange.class.getName());

    private final Request request;
    private final UriInfo uriInfo;
    private final Function<String, List<String>> headers;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 500;
    private boolean failed;

    JaxrsScrapeExchange(Request request, UriInfo uriInfo, HttpHeaders headers) {
        this(request, uriInfo, headers::getRequestHeader);
    }

    /** @param headers a request header's values by name, or null */
    JaxrsScrapeExchange(Request request, UriInfo uriInfo, Function<String, List<String>> headers) {
        this.request = request;
        this.uriInfo = uriInfo;
        this.headers = headers;
    }

    Response toResponse() {
        if (failed) {
            // never a stack trace in the body (client_java #2283)
            return Response.serverError().type("text/plain; charset=utf-8").entity("An error occurred while scraping metrics\n")
                    .build();
        }
        Response.ResponseBuilder response = Response.status(status);
        responseHeaders.forEach(response::header);
        if (!"HEAD".equals(request.getMethod())) {
            response.entity(body.toByteArray());
        }
        return response.build();
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return this;
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return this;
    }

    @Override
    public void handleException(IOException e) {
        fail(e);
    }

    @Override
    public void handleException(RuntimeException e) {
        fail(e);
    }

    /** Logs why the scrape failed, once, and answers 500. */
    void fail(Throwable e) {
        LOG.log(Level.WARNING, "promjaxrs: scraping the registry failed", e);
        failed = true;
    }

    @Override
    public void close() {
    }

    @Override
    public String getQueryString() {
        return uriInfo.getRequestUri().getRawQuery();
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        List<String> values = headers.apply(name);
        return Collections.enumeration(values == null ? List.of() : values);
    }

    @Override
    public String getMethod() {
        return request.getMethod();
    }

    @Override
    public String getRequestPath() {
        return uriInfo.getRequestUri().getRawPath();
    }

    @Override
    public void setHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
        this.status = statusCode;
        if (!"HEAD".equals(request.getMethod())) {
            // the runtime computes Content-Length from the entity; a HEAD response has none, so it keeps
            // the length of the GET body client_java set (RESTEasy runs HEAD as HEAD, not as a GET)
            responseHeaders.remove("Content-Length");
        }
        return body;
    }
}
