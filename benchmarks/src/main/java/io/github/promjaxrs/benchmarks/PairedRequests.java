package io.github.promjaxrs.benchmarks;

import com.sun.management.ThreadMXBean;
import io.github.promjaxrs.benchmarks.report.JvmPairs;
import io.github.promjaxrs.benchmarks.report.PairedSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The added time and bytes of variant B over variant A per request, paired: one JVM holds both
 * applications and serves them in alternating batches ({@code BATCH} requests each, which side
 * goes first in a pair drawn at random), so the host's bursts and drifts hit both sides of a pair
 * alike. The added time is B's time per request minus A's, pair by pair, summarised as a
 * crossover: the mean of the medians over the pairs where A ran first and where B did (running
 * second in a pair may cost or save a little, and this cancels it), with a moving-block bootstrap
 * 95 % interval (neighbouring pairs share the host's conditions). One JVM has its own luck that no
 * interval over its pairs sees, so {@code run.sh} runs several per comparison, each with its own
 * seed, and {@link PairedSummary} bootstraps over JVMs, then pairs. With the same variant on both
 * sides (applications of it, each on its own registry) it measures the method itself: the
 * interval must contain 0.
 *
 * <p>Time is taken twice: elapsed ({@code System.nanoTime}) and the request thread's CPU time
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}). On a shared host the elapsed time of a batch
 * includes whatever time other processes held the CPU; the thread's CPU time does not, and for a
 * synchronous in-memory request that does no I/O and waits on no lock it is the request's cost
 * (garbage collection runs on other threads: in neither figure but as a pause in the elapsed one).
 *
 * <p>Bytes per request are the request thread's ({@code ThreadMXBean}, as {@link RequestAllocation}),
 * the median over each side's batches. Every request must answer 200, and each side's library
 * must have recorded every request it served.
 *
 * <p>With {@code PAIRED_EVICT_KB=n} the request thread writes over an array of n KiB after every
 * request, so that each request finds the caches holding something else, as a worker thread of an
 * HTTP server does (between its requests come the connection's I/O and other threads' requests).
 * Both sides pay for the writing; B - A is then what B's own data costs from colder caches.
 *
 * <p>Usage: {@code PairedRequests A B [PAIRS [BATCH [WARM_UP_SECONDS [SEED]]]]} (defaults 1,000, 1,000,
 * 20, 1); prints this JVM's {@link PairedSummary} line, and with {@code PAIRED_RAW=file} writes its
 * pairs there ({@link JvmPairs}). The seed draws the order of each pair and, by its parity, which
 * side's applications are built first.
 */
public final class PairedRequests {

    private static final String PATH = "/items/42";

    private PairedRequests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 6) {
            System.err.println("usage: PairedRequests A B [PAIRS [BATCH [WARM_UP_SECONDS [SEED]]]]");
            System.exit(2);
        }
        Instrumentation a = Instrumentation.valueOf(args[0]);
        Instrumentation b = Instrumentation.valueOf(args[1]);
        if (a.runtime() != b.runtime()) {
            throw new IllegalArgumentException(a + " and " + b + " run on different runtimes");
        }
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;

        Side first = new Side(a);
        Side second = new Side(b);
        // started alternately, between two applications that serve nothing, so that neither side holds
        // the first- or last-built one (built one side after the other, RESTEasy A/A runs gave the
        // second side 11 to 16 ns less per request)
        a.start();
        for (int i = 0; i < Side.INSTANCES; i++) {
            (seed % 2 == 1 ? first : second).start(i);
            (seed % 2 == 1 ? second : first).start(i);
        }
        a.start();
        Random order = new Random(seed);
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        do {
            first.batch(batch, order);
            second.batch(batch, order);
        } while (System.nanoTime() < warmUpEnd);

        JvmPairs measured = JvmPairs.of(pairs);
        for (int i = 0; i < pairs; i++) {
            boolean aFirst = order.nextBoolean();
            measured.aFirst()[i] = aFirst;
            if (aFirst) {
                first.batch(batch, order);
                second.batch(batch, order);
            } else {
                second.batch(batch, order);
                first.batch(batch, order);
            }
            measured.nanosA()[i] = first.nanosPerRequest;
            measured.nanosB()[i] = second.nanosPerRequest;
            measured.cpuA()[i] = first.cpuNanosPerRequest;
            measured.cpuB()[i] = second.cpuNanosPerRequest;
            measured.bytesA()[i] = first.bytesPerRequest;
            measured.bytesB()[i] = second.bytesPerRequest;
        }
        first.verify();
        second.verify();

        System.out.println(PairedSummary.line(a.name(), b.name(), batch, List.of(measured)));
        String raw = System.getenv("PAIRED_RAW");
        if (raw != null) {
            measured.write(Path.of(raw));
        }
    }

    /**
     * One side: {@link #INSTANCES} applications of its variant, each batch served by one drawn at
     * random. One application of a variant has its own luck (where its objects lie, how its
     * identity hashes fall in the runtime's tables): with one application a side, A/A runs gave
     * -43 to +35 ns from one JVM to the next, each with an interval narrower than that. Drawn from
     * several, that luck is averaged and becomes noise between pairs, which the interval sees.
     */
    private static final class Side {

        private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        private static final int INSTANCES = 4;
        /** With {@code PAIRED_EVICT_KB}: written between requests, one word per cache line. */
        private static final long[] EVICTED = System.getenv("PAIRED_EVICT_KB") == null ? null
                : new long[Integer.parseInt(System.getenv("PAIRED_EVICT_KB")) * 1024 / Long.BYTES];

        private final Instrumentation variant;
        private final InstrumentedApplication[] applications = new InstrumentedApplication[INSTANCES];
        private final long[] served = new long[INSTANCES];
        double nanosPerRequest;
        double cpuNanosPerRequest;
        double bytesPerRequest;

        Side(Instrumentation variant) {
            this.variant = variant;
        }

        void start(int instance) {
            applications[instance] = variant.start();
        }

        void batch(int requests, Random random) {
            int instance = random.nextInt(INSTANCES);
            InMemoryServer server = applications[instance].server();
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                int status = server.get(PATH);
                if (status != 200) {
                    throw new IllegalStateException(variant + ": GET " + PATH + " answered " + status);
                }
                if (EVICTED != null) {
                    for (int line = 0; line < EVICTED.length; line += 8) {
                        EVICTED[line]++;
                    }
                }
            }
            long end = System.nanoTime();
            cpuNanosPerRequest = (double) (THREADS.getCurrentThreadCpuTime() - cpu) / requests;
            bytesPerRequest = (double) (THREADS.getCurrentThreadAllocatedBytes() - bytes) / requests;
            nanosPerRequest = (double) (end - start) / requests;
            served[instance] += requests;
        }

        void verify() {
            for (int i = 0; i < INSTANCES; i++) {
                InstrumentedApplication application = applications[i];
                if (application.recorded() != null && application.recorded().getAsLong() != served[i]) {
                    throw new IllegalStateException(variant + " recorded " + application.recorded().getAsLong()
                            + " of " + served[i] + " requests");
                }
            }
        }
    }
}
