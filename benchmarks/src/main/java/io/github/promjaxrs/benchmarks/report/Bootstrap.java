package io.github.promjaxrs.benchmarks.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Medians and percentile-bootstrap intervals of medians, with a fixed seed so a report can be rerun. */
public final class Bootstrap {

    private Bootstrap() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The added time of a crossover design over several JVMs: {@code added[j][i]} is B's time minus
     * A's in pair {@code i} of JVM {@code j}, where A ran first when {@code aFirst[j][i]}. A JVM's
     * estimate is the mean of the medians of its two orders, so that an effect of running second in
     * a pair (a period effect) cancels; the estimate is the mean of the JVMs'. Its 95 % interval
     * comes from a two-stage bootstrap: JVMs drawn with replacement, since each has its own luck
     * (where its objects lie, what its JIT made of them) that all its pairs share; then, within each
     * drawn JVM, blocks of {@code block} consecutive pairs drawn with replacement, since the host's
     * conditions drift and neighbouring pairs share them. Returns {estimate, low, high}.
     */
    public static double[] crossover(double[][] added, boolean[][] aFirst, int block, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int jvms = added.length;
        double estimate = 0;
        for (int j = 0; j < jvms; j++) {
            estimate += crossover(added[j], aFirst[j]) / jvms;
        }
        double[] estimates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int k = 0; k < jvms; k++) {
                int j = random.nextInt(jvms);
                sum += resampledCrossover(added[j], aFirst[j], block, random);
            }
            estimates[r] = sum / jvms;
        }
        Arrays.sort(estimates);
        return new double[] {estimate, estimates[(int) Math.floor(0.025 * (resamples - 1))],
                estimates[(int) Math.ceil(0.975 * (resamples - 1))]};
    }

    private static double resampledCrossover(double[] added, boolean[] aFirst, int block, SplittableRandom random) {
        int n = added.length;
        int length = Math.min(block, n);
        double[] values = new double[n];
        boolean[] orders = new boolean[n];
        for (int i = 0; i < n; i += length) {
            int start = random.nextInt(n - length + 1);
            for (int j = 0; j < length && i + j < n; j++) {
                values[i + j] = added[start + j];
                orders[i + j] = aFirst[start + j];
            }
        }
        return crossover(values, orders);
    }

    /** The mean of the medians of {@code added} over the pairs where A ran first and where it ran second. */
    public static double crossover(double[] added, boolean[] aFirst) {
        return (median(select(added, aFirst, true)) + median(select(added, aFirst, false))) / 2;
    }

    /** Half the difference between the two orders' medians: how much running second changes B - A. */
    public static double period(double[] added, boolean[] aFirst) {
        return (median(select(added, aFirst, true)) - median(select(added, aFirst, false))) / 2;
    }

    private static double[] select(double[] values, boolean[] flags, boolean flag) {
        double[] selected = new double[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (flags[i] == flag) {
                selected[n++] = values[i];
            }
        }
        return Arrays.copyOf(selected, n);
    }
}
