package io.github.promjaxrs.benchmarks;

import com.sun.management.ThreadMXBean;
import io.github.promjaxrs.benchmarks.report.Bootstrap;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The added time and bytes of variant B over variant A per request, paired: one JVM holds both
 * applications and serves them in alternating batches ({@code BATCH} requests each, the order of
 * each pair of batches drawn at random), so a burst of the host hits the two sides of a pair
 * alike; the added time is the median over pairs of B's time per request minus A's in the same
 * pair, with a bootstrap 95 % interval. With the same variant on both sides (two applications of
 * it, each on its own registry) it measures the method itself: the interval must contain 0.
 *
 * <p>Bytes per request are the request thread's ({@code ThreadMXBean}, as {@link RequestAllocation}),
 * the median over each side's batches. Every request must answer 200, and each side's library
 * must have recorded every request it served.
 *
 * <p>Usage: {@code PairedRequests A B [PAIRS [BATCH [WARM_UP_SECONDS [SEED]]]]} (defaults 400, 2,000,
 * 20, 1); prints one line, tab-separated: A, B, pairs, batch, median ns/request of A and of B, the
 * median difference and its interval (low, high), bytes/request of A and of B, and the 1-minute
 * load average at the end. With {@code PAIRED_RAW=file} it also writes each pair's figures there.
 */
public final class PairedRequests {

    private static final String PATH = "/items/42";
    private static final int RESAMPLES = 10_000;

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
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;

        Side first = new Side(a);
        Side second = new Side(b);
        long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        do {
            first.batch(batch);
            second.batch(batch);
        } while (System.nanoTime() < warmUpEnd);

        Random order = new Random(seed);
        double[] nanosA = new double[pairs];
        double[] nanosB = new double[pairs];
        double[] bytesA = new double[pairs];
        double[] bytesB = new double[pairs];
        double[] added = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            boolean aFirst = order.nextBoolean();
            if (aFirst) {
                first.batch(batch);
                second.batch(batch);
            } else {
                second.batch(batch);
                first.batch(batch);
            }
            nanosA[i] = first.nanosPerRequest;
            nanosB[i] = second.nanosPerRequest;
            bytesA[i] = first.bytesPerRequest;
            bytesB[i] = second.bytesPerRequest;
            added[i] = nanosB[i] - nanosA[i];
        }
        first.verify();
        second.verify();

        double[] interval = Bootstrap.medianInterval(added, RESAMPLES, seed);
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.println(String.join("\t", a.name(), b.name(), Integer.toString(pairs), Integer.toString(batch),
                format(Bootstrap.median(nanosA)), format(Bootstrap.median(nanosB)), format(Bootstrap.median(added)),
                format(interval[0]), format(interval[1]), format(Bootstrap.median(bytesA)),
                format(Bootstrap.median(bytesB)), format(load)));
        String raw = System.getenv("PAIRED_RAW");
        if (raw != null) {
            StringBuilder lines = new StringBuilder("ns_a\tns_b\tbytes_a\tbytes_b\n");
            for (int i = 0; i < pairs; i++) {
                lines.append(format(nanosA[i])).append('\t').append(format(nanosB[i])).append('\t')
                        .append(format(bytesA[i])).append('\t').append(format(bytesB[i])).append('\n');
            }
            Files.writeString(Path.of(raw), lines);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** One application, the requests it has served, and its last batch's figures. */
    private static final class Side {

        private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        private final Instrumentation variant;
        private final InstrumentedApplication application;
        private long served;
        double nanosPerRequest;
        double bytesPerRequest;

        Side(Instrumentation variant) {
            this.variant = variant;
            this.application = variant.start();
        }

        void batch(int requests) {
            InMemoryServer server = application.server();
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                int status = server.get(PATH);
                if (status != 200) {
                    throw new IllegalStateException(variant + ": GET " + PATH + " answered " + status);
                }
            }
            long end = System.nanoTime();
            bytesPerRequest = (double) (THREADS.getCurrentThreadAllocatedBytes() - bytes) / requests;
            nanosPerRequest = (double) (end - start) / requests;
            served += requests;
        }

        void verify() {
            if (application.recorded() != null && application.recorded().getAsLong() != served) {
                throw new IllegalStateException(variant + " recorded " + application.recorded().getAsLong() + " of "
                        + served + " requests");
            }
        }
    }
}
