package io.github.promjaxrs.internal.endpoint;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one complete request head read by the {@link PortServer}, on a pool thread: the
 * {@code metricsEndpointFilter} through a {@link PortRequestContext}, then client_java's
 * {@link PrometheusScrapeHandler}. The whole answer is buffered before a byte is sent, so any
 * failure, {@code Error}s included, becomes a 500 with a one-line body, logged once with its cause.
 */
final class PortScrape {

    private static final Logger LOG = Logger.getLogger(PortServer.class.getName());
    /** Framing headers are the server's own, whatever the guard or the handler set. */
    private static final Set<String> FRAMING = caseInsensitive("Content-Length", "Transfer-Encoding", "Connection");

    private final PrometheusScrapeHandler handler;
    private final ContainerRequestFilter guard;

    PortScrape(PrometheusScrapeHandler handler, ContainerRequestFilter guard) {
        this.handler = handler;
        this.guard = guard;
    }

    /** The bytes of a complete HTTP/1.1 response, and whether the connection stays open after it. */
    record Answer(byte[] bytes, boolean keepAlive) {
    }

    Answer answer(byte[] headBytes, InetSocketAddress local) {
        RequestHead head;
        try {
            head = RequestHead.parse(headBytes, headBytes.length, local);
        } catch (RequestHead.Malformed e) {
            return plain(e.status, e.getMessage(), false);
        }
        if (head.hasBody()) {
            // never read: closing the connection after the answer discards it, however long it is
            return plain(413, "A scrape request has no body", false);
        }
        boolean keepAlive = head.keepAlive();
        boolean isHead = head.method.equals("HEAD");
        if (!isHead && !head.method.equals("GET")) {
            return answer(405, Map.of("Allow", "GET, HEAD", "Content-Type", "text/plain; charset=utf-8"),
                    line("Only GET and HEAD are served"), false, -1, keepAlive);
        }
        if (guard != null) {
            Answer refusal = refusal(head, keepAlive);
            if (refusal != null) {
                return refusal;
            }
        }
        Exchange exchange = new Exchange(head);
        try {
            String problem = ScrapeQuery.problem(exchange);
            if (problem != null) {
                return answer(400, Map.of("Content-Type", "text/plain; charset=utf-8"), line(problem), isHead, -1,
                        keepAlive);
            }
            handler.handleRequest(exchange);
        } catch (Throwable e) { // Errors from a collector included: the client still gets its answer
            LOG.log(Level.WARNING, "promjaxrs: scraping the registry failed", e);
            exchange.failed = true;
        }
        if (exchange.failed) {
            return answer(500, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    line("An error occurred while scraping metrics"), isHead, -1, keepAlive);
        }
        return answer(exchange.status, exchange.headers, exchange.body.toByteArray(), isHead,
                exchange.headLength(), keepAlive);
    }

    /** Runs the guard; its refusal, a 500 when it fails (a failing guard refuses), or null when it admits. */
    private Answer refusal(RequestHead head, boolean keepAlive) {
        boolean isHead = head.method.equals("HEAD");
        try {
            PortRequestContext context = new PortRequestContext(head);
            guard.filter(context);
            Response refusal = context.abortResponse();
            if (refusal == null) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            refusal.getStringHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            Object entity = refusal.getEntity();
            byte[] body = entity == null ? new byte[0]
                    : entity instanceof byte[] bytes ? bytes : entity.toString().getBytes(StandardCharsets.UTF_8);
            return answer(refusal.getStatus(), headers, body, isHead, -1, keepAlive);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "promjaxrs: the metricsEndpointFilter failed; refusing the scrape", e);
            return answer(500, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    line("An error occurred while checking the request"), isHead, -1, keepAlive);
        }
    }

    /** A text answer to a request that could not be read, after which the connection closes. */
    static Answer plain(int status, String message, boolean keepAlive) {
        return answer(status, Map.of("Content-Type", "text/plain; charset=utf-8"), line(message), false, -1,
                keepAlive);
    }

    private static byte[] line(String message) {
        return (message.endsWith("\n") ? message : message + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param headLength for a HEAD request, the length of the body a GET would have had (-1: {@code body}'s)
     */
    private static Answer answer(int status, Map<String, String> headers, byte[] body, boolean isHead,
                                 long headLength, boolean keepAlive) {
        Response.Status known = Response.Status.fromStatusCode(status);
        StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(known == null ? "" : known.getReasonPhrase()).append("\r\n");
        headers.forEach((name, value) -> {
            if (!FRAMING.contains(name) && isFieldName(name) && isFieldValue(value)) {
                text.append(name).append(": ").append(value).append("\r\n");
            }
        });
        text.append("Content-Length: ").append(isHead && headLength >= 0 ? headLength : body.length).append("\r\n");
        if (!keepAlive) {
            text.append("Connection: close\r\n");
        }
        byte[] head = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (isHead) {
            return new Answer(head, keepAlive);
        }
        byte[] bytes = new byte[head.length + body.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(body, 0, bytes, head.length, body.length);
        return new Answer(bytes, keepAlive);
    }

    private static boolean isFieldName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > ' ' && c < 127 && c != ':');
    }

    private static boolean isFieldValue(String value) {
        return value.chars().allMatch(c -> c >= ' ' && c < 256 && c != 127 || c == '\t'); // no CR/LF: no splitting
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return set;
    }

    /** One scrape as client_java sees it, its response kept in memory. */
    private static final class Exchange implements PrometheusHttpExchange, PrometheusHttpRequest,
            PrometheusHttpResponse {

        private final RequestHead head;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status = 500;
        private boolean failed;

        Exchange(RequestHead head) {
            this.head = head;
        }

        /** The Content-Length client_java computed for a HEAD request, or -1. */
        long headLength() {
            String length = headers.get("Content-Length");
            try {
                return length == null ? -1 : Long.parseLong(length);
            } catch (NumberFormatException e) {
                return -1;
            }
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
        public String getQueryString() {
            return head.target.getRawQuery();
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            List<String> values = head.headers.get(name);
            return Collections.enumeration(values == null ? List.of() : values);
        }

        @Override
        public String getMethod() {
            return head.method;
        }

        @Override
        public String getRequestPath() {
            return head.target.getRawPath();
        }

        @Override
        public void setHeader(String name, String value) {
            headers.put(name, value);
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
            status = statusCode;
            return body;
        }

        @Override
        public void handleException(IOException e) {
            LOG.log(Level.WARNING, "promjaxrs: scraping the registry failed", e);
            failed = true;
        }

        @Override
        public void handleException(RuntimeException e) {
            LOG.log(Level.WARNING, "promjaxrs: scraping the registry failed", e);
            failed = true;
        }

        @Override
        public void close() {
        }
    }
}
