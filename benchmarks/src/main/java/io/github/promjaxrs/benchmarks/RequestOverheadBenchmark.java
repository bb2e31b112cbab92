package io.github.promjaxrs.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one in-memory Jersey GET of a templated resource under each {@link Instrumentation}:
 * time per request, and (with {@code -prof gc}) bytes allocated per request. The set-up and
 * tear-down prove that the variant's library recorded every request the benchmark made, and
 * every request must answer 200: a benchmark whose metrics silently record nothing would lie.
 *
 * <p>Every fork runs on a fixed heap touched in advance: on the default heap G1 grew the heap under
 * the benchmark, and faulting in its new pages took 8 % of one fork's samples and 18 % of the next
 * one's (async-profiler), more than the variants differ.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RequestOverheadBenchmark {

    private static final String PATH = "/items/42";

    @Param
    public Instrumentation instrumentation;

    private InstrumentedApplication application;
    private long requests;

    @Setup(Level.Trial)
    public void start() {
        application = instrumentation.start();
        get();
        if (application.recorded() != null && application.recorded().getAsLong() != 1) {
            throw new IllegalStateException(instrumentation + " did not record its first request: "
                    + application.recorded().getAsLong());
        }
    }

    @Benchmark
    public int get() {
        int status = application.jersey().get(PATH, null);
        if (status != 200) {
            throw new IllegalStateException(instrumentation + ": GET " + PATH + " answered " + status);
        }
        requests++;
        return status;
    }

    @TearDown(Level.Trial)
    public void verifyRecorded() {
        if (application.recorded() != null && application.recorded().getAsLong() != requests) {
            throw new IllegalStateException(instrumentation + " recorded " + application.recorded().getAsLong()
                    + " of " + requests + " requests");
        }
    }
}
