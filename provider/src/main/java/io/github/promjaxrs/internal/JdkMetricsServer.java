package io.github.promjaxrs.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.promjaxrs.MetricsServer;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The separate-port endpoint: the JDK's own HTTP server handing each exchange to client_java's
 * {@link PrometheusScrapeHandler}, instead of {@code prometheus-metrics-exporter-httpserver}
 * (served only up to 1.8.0, whose defects #2283 and #2284 this avoids).
 *
 * <p>The {@code metricsEndpointFilter} guards this port too, through a {@link JdkRequestContext}.
 *
 * <p>The JDK server reads a request on the executor thread that will handle it, so a fixed
 * pool lets a few slow clients take every thread. Here each connection gets a thread of its
 * own (idle ones expire), so slow clients cannot stop a scrape; and a failing scrape answers
 * 500 with a one-line body, never a stack trace.
 */
public final class JdkMetricsServer implements MetricsServer {

    private static final Logger LOG = Logger.getLogger(JdkMetricsServer.class.getName());
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;

    private JdkMetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds to {@code host} ({@code null}: every interface) and {@code port} (0: any free one) and starts.
     *
     * @param guard the {@code metricsEndpointFilter}, run before every scrape; null for none
     */
    public static JdkMetricsServer start(PrometheusRegistry registry, String host, int port,
                                         ContainerRequestFilter guard) throws IOException {
        InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        HttpServer server = HttpServer.create(address, 0);
        int serverNumber = SERVERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable,
                            "promjaxrs-metrics-server-" + serverNumber + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        PrometheusScrapeHandler handler = new PrometheusScrapeHandler(registry);
        server.createContext("/", exchange -> {
            if (guard == null || admitted(guard, exchange)) {
                Exchange scrape = new Exchange(exchange);
                if (DebugParameter.isUnknown(scrape)) {
                    scrape.refuse(400, DebugParameter.MESSAGE);
                } else {
                    handler.handleRequest(scrape);
                }
            }
        });
        server.setExecutor(executor);
        server.start();
        return new JdkMetricsServer(server, executor);
    }

    /** Runs the guard; when it refuses (or fails), answers in its place and returns false. */
    private static boolean admitted(ContainerRequestFilter guard, HttpExchange exchange) throws IOException {
        JdkRequestContext request = new JdkRequestContext(exchange);
        Response refusal;
        try {
            guard.filter(request);
            refusal = request.abortResponse();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "promjaxrs: the metricsEndpointFilter failed; refusing the scrape", e);
            refusal = Response.serverError().entity("An error occurred while checking the request\n").build();
        }
        if (refusal == null) {
            return true;
        }
        try (exchange) {
            refusal.getStringHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            Object entity = refusal.getEntity();
            byte[] body = entity == null ? new byte[0]
                    : entity instanceof byte[] bytes ? bytes : entity.toString().getBytes(StandardCharsets.UTF_8);
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(refusal.getStatus(), noBody ? -1 : body.length);
            if (!noBody) {
                exchange.getResponseBody().write(body);
            }
        }
        return false;
    }

    @Override
    public int getPort() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One JDK exchange as client_java sees it. */
    private static final class Exchange implements PrometheusHttpExchange, PrometheusHttpRequest,
            PrometheusHttpResponse {

        private final HttpExchange exchange;
        private boolean headersSent;

        Exchange(HttpExchange exchange) {
            this.exchange = exchange;
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
            return exchange.getRequestURI().getRawQuery();
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            List<String> values = exchange.getRequestHeaders().get(name);
            return Collections.enumeration(values == null ? List.of() : values);
        }

        @Override
        public String getMethod() {
            return exchange.getRequestMethod();
        }

        @Override
        public String getRequestPath() {
            return exchange.getRequestURI().getRawPath();
        }

        @Override
        public void setHeader(String name, String value) {
            exchange.getResponseHeaders().set(name, value);
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
            headersSent = true;
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            // the JDK server: -1 means no body, 0 means chunked
            exchange.sendResponseHeaders(statusCode, head ? -1 : Math.max(contentLength, 0));
            return exchange.getResponseBody();
        }

        @Override
        public void handleException(IOException e) throws IOException {
            throw e;
        }

        @Override
        public void handleException(RuntimeException e) {
            LOG.log(Level.WARNING, "promjaxrs: scraping the registry failed", e);
            if (!headersSent) {
                refuse(500, "An error occurred while scraping metrics\n");
            }
        }

        /** Answers with a one-line text body, and closes. */
        void refuse(int status, String message) {
            byte[] body = message.getBytes(StandardCharsets.UTF_8);
            try (exchange) {
                headersSent = true;
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(status, head ? -1 : body.length);
                if (!head) {
                    exchange.getResponseBody().write(body);
                }
            } catch (IOException ignored) {
                // the client is gone; nothing left to tell it
            }
        }

        @Override
        public void close() {
            exchange.close();
        }
    }
}
