package io.github.promjaxrs.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One side of one wrk round of {@code run.sh}: the group of example JVMs loaded together (its
 * runtime and number), the round, the side ({@code none}, {@code on}, {@code on2}, {@code otel}),
 * its requests per second and its server's CPU time per request (NaN where not measured).
 */
record WrkRound(String runtime, int group, int round, String side, double requestsPerSecond, double cpuNanosPerRequest) {

    /** What the ratio of two sides compares. */
    enum Measure {
        /** Requests per second: how the servers sharing one CPU split it. */
        THROUGHPUT,
        /** Requests per CPU-second of the server (the inverse of its CPU time per request): what each request costs. */
        REQUESTS_PER_CPU_SECOND;

        double of(WrkRound x, WrkRound y) {
            return this == THROUGHPUT ? x.requestsPerSecond / y.requestsPerSecond
                    : y.cpuNanosPerRequest / x.cpuNanosPerRequest;
        }
    }

    private static final int RESAMPLES = 10_000;

    static List<WrkRound> read(Path tsv) throws IOException {
        List<WrkRound> rounds = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            rounds.add(new WrkRound(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3],
                    Double.parseDouble(f[4]), f.length > 5 ? Double.parseDouble(f[5]) : Double.NaN));
        }
        return rounds;
    }

    /**
     * Side {@code x}'s {@code measure} over side {@code y}'s, round by round, grouped by the group of
     * JVMs that served them (rounds of one group share its luck; groups do not).
     */
    static Map<Integer, List<Double>> ratios(List<WrkRound> runs, String runtime, String x, String y, Measure measure) {
        Map<Integer, List<Double>> byGroup = new LinkedHashMap<>();
        for (WrkRound r : runs) {
            if (!r.runtime.equals(runtime) || !r.side.equals(x)) {
                continue;
            }
            runs.stream().filter(o -> o.runtime.equals(runtime) && o.group == r.group && o.round == r.round
                    && o.side.equals(y)).findFirst().map(o -> measure.of(r, o)).filter(ratio -> !ratio.isNaN())
                    .ifPresent(ratio -> byGroup.computeIfAbsent(r.group, g -> new ArrayList<>()).add(ratio));
        }
        return byGroup;
    }

    /** The median of all rounds' ratios. */
    static double median(Map<Integer, List<Double>> byGroup) {
        return Bootstrap.median(byGroup.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
                .toArray());
    }

    /**
     * A 95 % interval of {@link #median} by a two-stage (cluster) bootstrap: groups drawn with
     * replacement, then rounds within each drawn group, since a group of JVMs has its own luck and
     * its rounds are not independent of each other. With few groups the interval is as wide as
     * their disagreement, which is the point.
     */
    static double[] interval(Map<Integer, List<Double>> byGroup, long seed) {
        List<List<Double>> groups = new ArrayList<>(byGroup.values());
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            List<Double> resample = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                List<Double> group = groups.get(random.nextInt(groups.size()));
                for (int i = 0; i < group.size(); i++) {
                    resample.add(group.get(random.nextInt(group.size())));
                }
            }
            medians[r] = Bootstrap.median(resample.stream().mapToDouble(Double::doubleValue).toArray());
        }
        java.util.Arrays.sort(medians);
        return new double[] {medians[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                medians[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }
}
