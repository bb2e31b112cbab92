package io.github.promjaxrs.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Variant B against variant A over the pairs of one or more {@code PairedRequests} JVMs, as one
 * tab-separated line: A, B, pairs per JVM, batch, then in elapsed time the median ns/request of A
 * and of B (over every pair), the added time and its 95 % interval (low, high; see
 * {@link Bootstrap#crossover(double[][], boolean[][], int, int, long)}), then bytes/request of A and
 * of B, the 1-minute load average, then in CPU time the same five figures, the period effect (the
 * mean over JVMs of half the difference of the two orders' medians), and the number of JVMs.
 *
 * <p>Usage: {@code PairedSummary A B BATCH RAW...}, each {@code RAW} a {@link JvmPairs} file.
 */
public final class PairedSummary {

    private static final int RESAMPLES = 10_000;
    /** Pairs per block of the bootstrap: about half a second of the host's conditions on Jersey. */
    private static final int BLOCK = 50;
    private static final long SEED = 1;

    private PairedSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: PairedSummary A B BATCH RAW...");
            System.exit(2);
        }
        List<JvmPairs> jvms = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            jvms.add(JvmPairs.read(Path.of(args[i])));
        }
        System.out.println(line(args[0], args[1], Integer.parseInt(args[2]), jvms));
    }

    public static String line(String a, String b, int batch, List<JvmPairs> jvms) throws IOException {
        double[] elapsed = Bootstrap.crossover(each(jvms, JvmPairs::addedNanos), orders(jvms), BLOCK, RESAMPLES, SEED);
        double[] cpu = Bootstrap.crossover(each(jvms, JvmPairs::addedCpu), orders(jvms), BLOCK, RESAMPLES, SEED);
        double period = 0;
        for (JvmPairs jvm : jvms) {
            period += Bootstrap.period(jvm.addedCpu(), jvm.aFirst()) / jvms.size();
        }
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return String.join("\t", a, b, Integer.toString(jvms.get(0).size()), Integer.toString(batch),
                median(jvms, JvmPairs::nanosA), median(jvms, JvmPairs::nanosB), format(elapsed[0]), format(elapsed[1]),
                format(elapsed[2]), median(jvms, JvmPairs::bytesA), median(jvms, JvmPairs::bytesB), format(load),
                median(jvms, JvmPairs::cpuA), median(jvms, JvmPairs::cpuB), format(cpu[0]), format(cpu[1]),
                format(cpu[2]), format(period), Integer.toString(jvms.size()));
    }

    private static double[][] each(List<JvmPairs> jvms, Function<JvmPairs, double[]> column) {
        return jvms.stream().map(column).toArray(double[][]::new);
    }

    private static boolean[][] orders(List<JvmPairs> jvms) {
        return jvms.stream().map(JvmPairs::aFirst).toArray(boolean[][]::new);
    }

    /** The median over every JVM's pairs. */
    private static String median(List<JvmPairs> jvms, Function<JvmPairs, double[]> column) {
        return format(Bootstrap.median(jvms.stream().map(column).flatMapToDouble(java.util.Arrays::stream).toArray()));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
