package io.github.promjaxrs.benchmarks;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated per request on the request thread alone, for one {@link Instrumentation}: a
 * cross-check of JMH's {@code gc.alloc.rate.norm}, which counts every thread of the fork and
 * moves by a few hundred bytes between runs. Run one variant per JVM: serving another variant
 * first changes what the JIT compiles, and so what escapes.
 *
 * <p>Usage: {@code RequestAllocation VARIANT [REQUESTS]}: {@code REQUESTS} per measured round (default
 * 100,000), three times as many to warm up; prints {@code VARIANT<TAB>bytes}.
 */
public final class RequestAllocation {

    private static final String PATH = "/items/42";
    private static final int DEFAULT_REQUESTS = 100_000;
    private static final int ROUNDS = 5;

    private RequestAllocation() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RequestAllocation NONE|PROMJAXRS|RESTEASY_NONE|... [REQUESTS]");
            System.exit(2);
        }
        int requests = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_REQUESTS;
        Instrumentation variant = Instrumentation.valueOf(args[0]);
        InstrumentedApplication application = variant.start();
        InMemoryServer server = application.server();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        serve(server, 3 * requests);
        long least = Long.MAX_VALUE;
        // the least of several rounds: a round that meets a JIT recompilation allocates more
        for (int round = 0; round < ROUNDS; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            serve(server, requests);
            least = Math.min(least, (threads.getCurrentThreadAllocatedBytes() - before) / requests);
        }
        long served = (3L + ROUNDS) * requests;
        if (application.recorded() != null && application.recorded().getAsLong() != served) {
            throw new IllegalStateException(variant + " recorded " + application.recorded().getAsLong() + " of "
                    + served + " requests");
        }
        System.out.println(variant.name() + "\t" + least);
    }

    private static void serve(InMemoryServer server, int requests) {
        for (int i = 0; i < requests; i++) {
            int status = server.get(PATH);
            if (status != 200) {
                throw new IllegalStateException("GET " + PATH + " answered " + status);
            }
        }
    }
}
