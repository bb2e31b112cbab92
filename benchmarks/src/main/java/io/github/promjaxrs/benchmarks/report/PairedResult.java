package io.github.promjaxrs.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link PairedSummary} line: variant B against variant A over the pairs of one or more JVMs,
 * in elapsed and in CPU time: ns per request of each side (medians over batches), the added time
 * and its 95 % interval; the request thread's bytes per request, the load average at the end, the
 * period effect in CPU time, and the number of JVMs.
 */
record PairedResult(String a, String b, int pairs, int batch, Added elapsed, double bytesA, double bytesB,
                    double load, Added cpu, double period, int jvms) {

    /** Each side's ns per request, and the added time with its interval. */
    record Added(double nanosA, double nanosB, double added, double low, double high) {

        static Added of(String[] fields, int from) {
            return new Added(Double.parseDouble(fields[from]), Double.parseDouble(fields[from + 1]),
                    Double.parseDouble(fields[from + 2]), Double.parseDouble(fields[from + 3]),
                    Double.parseDouble(fields[from + 4]));
        }
    }

    static List<PairedResult> read(Path tsv) throws IOException {
        List<PairedResult> results = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            results.add(new PairedResult(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Added.of(f, 4),
                    Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]), Added.of(f, 12),
                    Double.parseDouble(f[17]), Integer.parseInt(f[18])));
        }
        return results;
    }

    boolean isAa() {
        return a.equals(b);
    }
}
