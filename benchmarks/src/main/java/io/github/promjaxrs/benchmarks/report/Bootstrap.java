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
     * The 95 % percentile-bootstrap interval of the median of {@code values}: the 2.5th and 97.5th
     * percentiles of the medians of {@code resamples} resamples drawn with replacement.
     */
    public static double[] medianInterval(double[] values, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[resamples];
        double[] resample = new double[values.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < values.length; i++) {
                resample[i] = values[random.nextInt(values.length)];
            }
            medians[r] = median(resample);
        }
        Arrays.sort(medians);
        return new double[] {medians[(int) Math.floor(0.025 * (resamples - 1))],
                medians[(int) Math.ceil(0.975 * (resamples - 1))]};
    }
}
