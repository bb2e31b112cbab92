package io.github.promjaxrs.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The pairs of batches one {@code PairedRequests} JVM served, pair by pair: whether A ran first,
 * and each side's elapsed ns, CPU ns and request-thread bytes per request. Written and read as a
 * tab-separated file with a header line.
 */
public record JvmPairs(boolean[] aFirst, double[] nanosA, double[] nanosB, double[] cpuA, double[] cpuB,
                       double[] bytesA, double[] bytesB) {

    private static final String HEADER = "a_first\tns_a\tns_b\tcpu_ns_a\tcpu_ns_b\tbytes_a\tbytes_b";

    public static JvmPairs of(int pairs) {
        return new JvmPairs(new boolean[pairs], new double[pairs], new double[pairs], new double[pairs],
                new double[pairs], new double[pairs], new double[pairs]);
    }

    public int size() {
        return aFirst.length;
    }

    double[] addedNanos() {
        return difference(nanosB, nanosA);
    }

    double[] addedCpu() {
        return difference(cpuB, cpuA);
    }

    public void write(Path file) throws IOException {
        StringBuilder lines = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < size(); i++) {
            lines.append(aFirst[i]);
            for (double[] column : new double[][] {nanosA, nanosB, cpuA, cpuB, bytesA, bytesB}) {
                lines.append('\t').append(String.format(Locale.ROOT, "%.1f", column[i]));
            }
            lines.append('\n');
        }
        Files.writeString(file, lines);
    }

    static JvmPairs read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " does not start with the header " + HEADER);
        }
        JvmPairs pairs = of(lines.size() - 1);
        for (int i = 0; i < pairs.size(); i++) {
            String[] f = lines.get(i + 1).split("\t");
            pairs.aFirst[i] = Boolean.parseBoolean(f[0]);
            double[][] columns = {pairs.nanosA, pairs.nanosB, pairs.cpuA, pairs.cpuB, pairs.bytesA, pairs.bytesB};
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = Double.parseDouble(f[c + 1]);
            }
        }
        return pairs;
    }

    private static double[] difference(double[] b, double[] a) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = b[i] - a[i];
        }
        return difference;
    }
}
