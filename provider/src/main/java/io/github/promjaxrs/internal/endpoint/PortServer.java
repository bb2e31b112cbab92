package io.github.promjaxrs.internal.endpoint;

import io.github.promjaxrs.MetricsServer;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The separate metrics port: a small HTTP/1.1 server whose resources stay bounded whatever
 * clients do. One selector thread accepts connections and reads each request head (at most
 * {@value #MAX_HEAD_BYTES} bytes, complete within {@link Limits#headTimeoutMs} of its first
 * byte); only a complete head reaches the pool of {@value #SCRAPE_THREADS} threads that runs
 * the guard and client_java's {@link PrometheusScrapeHandler} (see {@link PortScrape}); the
 * selector thread writes the buffered answer back. So idle, slow or stalled clients hold no
 * thread, and hold memory only for the bytes they sent, on at most {@link Limits#maxConnections}
 * connections (a new connection beyond them closes the one that has waited longest for a request).
 *
 * <p>The JDK's {@code com.sun.net.httpserver} reads request heads on its executor's threads, so
 * a bounded executor lets slow clients stop every scrape (client_java's {@code HTTPServer} 1.10.0:
 * 110 connections sending a byte a second do) and an unbounded one gives each a thread (6,000
 * connections, 6,000 threads); its timeouts are JVM-wide system properties a library must not set.
 */
public final class PortServer implements MetricsServer {

    static final int MAX_HEAD_BYTES = 16 * 1024;
    static final int SCRAPE_THREADS = 4;

    /**
     * How many connections the server keeps, and how long each may take: to send a request head
     * once its first byte arrived, to start one while idle, and to read an answer.
     */
    record Limits(int maxConnections, long headTimeoutMs, long idleTimeoutMs, long writeTimeoutMs) {
        static final Limits DEFAULT = new Limits(1024, 10_000, 30_000, 30_000);

        /** How often deadlines are checked: often enough to keep them within a quarter of the shortest. */
        long tickMs() {
            return Math.max(10, Math.min(1_000, Math.min(headTimeoutMs, Math.min(idleTimeoutMs, writeTimeoutMs)) / 4));
        }
    }

    private static final Logger LOG = Logger.getLogger(PortServer.class.getName());
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final ServerSocketChannel listener;
    private final Limits limits;
    private final Selector selector;
    private final PortScrape scrape;
    private final ThreadPoolExecutor pool;
    private final Thread selectorThread;
    /** The pool's threads, so that close() can wait for them to end, not only for the pool to say it has. */
    private final Set<Thread> scrapeThreads = ConcurrentHashMap.newKeySet();
    private final Queue<Runnable> selectorTasks = new ConcurrentLinkedQueue<>();
    /** Connections waiting for (the rest of) a request, longest waiting first; selector thread only. */
    private final Set<Connection> waiting = new LinkedHashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(MAX_HEAD_BYTES + 1);
    private int connections;
    private long acceptPausedUntil;
    private volatile boolean closed;

    private PortServer(ServerSocketChannel listener, Limits limits, Selector selector, PortScrape scrape, int number) {
        this.listener = listener;
        this.limits = limits;
        this.selector = selector;
        this.scrape = scrape;
        String name = "promjaxrs-metrics-server-" + number;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(SCRAPE_THREADS, SCRAPE_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    scrapeThreads.removeIf(thread -> !thread.isAlive()); // those that expired while idle
                    Thread thread = daemon(runnable, name + "-scrape-" + threads.incrementAndGet());
                    scrapeThreads.add(thread);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true); // an idle port keeps only its selector thread
        this.selectorThread = daemon(this::run, name + "-selector");
    }

    /**
     * Binds to {@code host} ({@code null}: every interface) and {@code port} (0: any free one) and starts.
     *
     * @param guard the {@code metricsEndpointFilter}, run before every scrape; null for none
     */
    public static PortServer start(PrometheusRegistry registry, String host, int port, ContainerRequestFilter guard)
            throws IOException {
        return start(registry, host, port, guard, Limits.DEFAULT);
    }

    static PortServer start(PrometheusRegistry registry, String host, int port, ContainerRequestFilter guard,
                            Limits limits) throws IOException {
        InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        PortScrape scrape = new PortScrape(new PrometheusScrapeHandler(registry), guard);
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.bind(address, 1024);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        PortServer server = new PortServer(listener, limits, selector, scrape, SERVERS.incrementAndGet());
        server.selectorThread.start();
        return server;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public int getPort() {
        return listener.socket().getLocalPort();
    }

    /** Stops accepting, closes every connection, and returns once the port is free and the threads have ended. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        pool.shutdownNow();
        try {
            selectorThread.join(5_000);
            for (Thread thread : scrapeThreads) {
                if (thread != Thread.currentThread()) { // a guard may close the server it runs on
                    thread.join(5_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(limits.tickMs());
                Runnable task;
                while ((task = selectorTasks.poll()) != null) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                expire(System.currentTimeMillis());
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.log(Level.SEVERE, "promjaxrs: the metrics server stopped", e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            closeQuietly(selector);
            closeQuietly(listener);
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        Connection connection = (Connection) key.attachment();
        if (key.isReadable()) {
            connection.read();
        } else if (key.isWritable()) {
            connection.write();
        }
    }

    private void accept() {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // out of file descriptors, most likely: leave the backlog alone for a second rather than spin
                LOG.log(Level.WARNING, "promjaxrs: the metrics server cannot accept connections; retrying in 1 s", e);
                acceptPausedUntil = System.currentTimeMillis() + 1_000;
                listener.keyFor(selector).interestOps(0);
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections >= limits.maxConnections()) {
                if (waiting.isEmpty()) {
                    closeQuietly(channel); // every connection is being answered: this one must wait its turn
                    continue;
                }
                waiting.iterator().next().close();
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection connection = new Connection(channel, (InetSocketAddress) channel.getLocalAddress());
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections++;
                connection.awaitRequest(System.currentTimeMillis());
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
    }

    /** Closes connections past their deadlines; resumes accepting after a pause. */
    private void expire(long now) {
        for (Connection connection : new ArrayList<>(waiting)) {
            boolean started = connection.headStartedAt >= 0;
            if (started ? now - connection.headStartedAt > limits.headTimeoutMs()
                    : now - connection.waitingSince > limits.idleTimeoutMs()) {
                connection.close();
            }
        }
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection connection && connection.writeStartedAt >= 0
                    && now - connection.writeStartedAt > limits.writeTimeoutMs()) {
                connection.close();
            }
        }
        if (acceptPausedUntil != 0 && now >= acceptPausedUntil) {
            acceptPausedUntil = 0;
            listener.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing: nothing more to do with it
        }
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
    }

    /**
     * One client connection. Its state lives on the selector thread: waiting for a request
     * (in {@link #waiting}), being answered by the pool (interest in nothing), or being written to.
     */
    private final class Connection {

        private final SocketChannel channel;
        private final InetSocketAddress local;
        private SelectionKey key;
        /** Bytes received and not yet handled: part of a head, or what a pipelining client sent after one. */
        private byte[] received = new byte[0];
        private int length;
        private long waitingSince;
        private long headStartedAt = -1;
        private long writeStartedAt = -1;
        private ByteBuffer answer;
        private boolean closeAfterAnswer;
        private boolean open = true;

        Connection(SocketChannel channel, InetSocketAddress local) {
            this.channel = channel;
            this.local = local;
        }

        void awaitRequest(long now) {
            waitingSince = now;
            headStartedAt = length > 0 ? now : -1;
            waiting.remove(this);
            waiting.add(this);
            key.interestOps(SelectionKey.OP_READ);
            if (length > 0) {
                dispatchIfComplete();
            }
        }

        void read() {
            readBuffer.clear().limit(MAX_HEAD_BYTES + 1 - length); // one byte past the cap tells it is exceeded
            int read;
            try {
                read = channel.read(readBuffer);
            } catch (IOException e) {
                close();
                return;
            }
            if (read < 0) {
                close();
                return;
            }
            if (read == 0) {
                return;
            }
            if (length == 0) {
                headStartedAt = System.currentTimeMillis();
            }
            if (received.length < length + read) {
                received = Arrays.copyOf(received, Math.min(MAX_HEAD_BYTES + 1, Math.max(length + read, 2 * length)));
            }
            readBuffer.flip().get(received, length, read);
            length += read;
            dispatchIfComplete();
        }

        private void dispatchIfComplete() {
            int start = 0;
            while (start < length && (received[start] == '\r' || received[start] == '\n')) {
                start++; // empty lines before a request line are allowed (RFC 9112, 2.2)
            }
            int end = headEnd(start);
            if (end < 0) {
                if (length > MAX_HEAD_BYTES) {
                    answer(PortScrape.plain(431, "Request header fields too large (max " + MAX_HEAD_BYTES + " bytes)",
                            false), true);
                } else if (start > 0) {
                    consume(start);
                }
                return;
            }
            byte[] head = Arrays.copyOfRange(received, start, end);
            consume(end);
            waiting.remove(this);
            key.interestOps(0); // a pipelined request waits until this one is answered
            try {
                pool.execute(() -> {
                    PortScrape.Answer answer;
                    try {
                        answer = scrape.answer(head, local);
                    } catch (Throwable e) { // a bug of ours: the client still gets an answer
                        LOG.log(Level.WARNING, "promjaxrs: answering a scrape failed", e);
                        answer = PortScrape.plain(500, "An error occurred while scraping metrics", false);
                    }
                    PortScrape.Answer done = answer;
                    onSelector(() -> answer(done, !done.keepAlive()));
                });
            } catch (RejectedExecutionException e) {
                close(); // closing down
            }
        }

        /** The index just past the empty line ending the head that begins at {@code start}, or -1. */
        private int headEnd(int start) {
            for (int i = start; i < length; i++) {
                if (received[i] == '\n') {
                    if (i + 1 < length && received[i + 1] == '\n') {
                        return i + 2;
                    }
                    if (i + 2 < length && received[i + 1] == '\r' && received[i + 2] == '\n') {
                        return i + 3;
                    }
                }
            }
            return -1;
        }

        private void consume(int count) {
            System.arraycopy(received, count, received, 0, length - count);
            length -= count;
            if (length == 0) {
                received = new byte[0];
            }
        }

        private void answer(PortScrape.Answer answer, boolean close) {
            if (!open) {
                return;
            }
            waiting.remove(this);
            this.answer = ByteBuffer.wrap(answer.bytes());
            this.closeAfterAnswer = close;
            writeStartedAt = System.currentTimeMillis();
            key.interestOps(SelectionKey.OP_WRITE);
            write();
        }

        void write() {
            try {
                channel.write(answer);
            } catch (IOException e) {
                close();
                return;
            }
            if (answer.hasRemaining()) {
                return;
            }
            answer = null;
            writeStartedAt = -1;
            if (closeAfterAnswer) {
                close();
            } else {
                awaitRequest(System.currentTimeMillis());
            }
        }

        void close() {
            if (open) {
                open = false;
                connections--;
                waiting.remove(this);
                closeQuietly(key);
            }
        }
    }

    private void onSelector(Runnable task) {
        selectorTasks.add(task);
        selector.wakeup();
    }
}
