package io.github.promjaxrs.benchmarks;

import io.github.promjaxrs.GroupBy;
import io.github.promjaxrs.PrometheusMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
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

/**
 * The cost of one scrape of a registry holding about {@link #series} default-metric series, in
 * each format: through the metrics endpoint (an in-memory {@code GET /metrics}) and through
 * {@link PrometheusMetrics#generateMetrics}.
 *
 * <p>The series come from real requests through the provider: many paths (grouped by
 * {@link GroupBy#PATH}, standing in for as many templates) times five methods times two
 * statuses. A series is what Prometheus stores as one: each histogram bucket, {@code _count}
 * and {@code _sum} is one, so one (method, path, status) latency combination is
 * {@value #SERIES_PER_COMBINATION} of them with the default eleven buckets.
 *
 * <p>Forks run on a fixed heap touched in advance: on the default heap G1 grew the heap under a
 * benchmark, and faulting in its new pages took 8 to 18 % of a fork's samples (async-profiler).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ScrapeBenchmark {

    /** 11 buckets, {@code +Inf}, {@code _count} and {@code _sum}. */
    static final int SERIES_PER_COMBINATION = 14;
    private static final int[] STATUSES = {200, 400};

    @Param({"1000", "10000"})
    public int series;

    @Param
    public ScrapeFormat format;

    private PrometheusMetrics metrics;
    private InMemoryJersey jersey;

    @Setup(Level.Trial)
    public void fill() {
        PrometheusRegistry registry = new PrometheusRegistry();
        metrics = PrometheusMetrics.builder().registry(registry).groupBy(GroupBy.PATH).cardinalityLimit(100_000)
                .build();
        jersey = new InMemoryJersey(new ResourceConfig(SeriesResource.class).register(metrics));
        int combinationsPerPath = SeriesResource.METHODS.length * STATUSES.length;
        int paths = Math.max(1, Math.round((float) series / (SERIES_PER_COMBINATION * combinationsPerPath)));
        for (int path = 0; path < paths; path++) {
            for (String method : SeriesResource.METHODS) {
                for (int status : STATUSES) {
                    int answered = jersey.call(method, "/items/" + path + "?status=" + status);
                    if (answered != status) {
                        throw new IllegalStateException(method + " /items/" + path + " answered " + answered);
                    }
                }
            }
        }
        requireSeries(jersey.body("/metrics", ScrapeFormat.TEXT.accept));
    }

    @Benchmark
    public int metricsEndpoint() {
        int status = jersey.get("/metrics", format.accept);
        if (status != 200) {
            throw new IllegalStateException("GET /metrics answered " + status);
        }
        return status;
    }

    @Benchmark
    public byte[] generateMetrics() {
        return metrics.generateMetrics(format.accept).body();
    }

    /** The registry must hold what the table says it holds, within 5 %. */
    private void requireSeries(String text) {
        long samples = text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
        if (Math.abs(samples - series) > series / 20) {
            throw new IllegalStateException("expected about " + series + " series, the registry holds " + samples);
        }
    }
}
