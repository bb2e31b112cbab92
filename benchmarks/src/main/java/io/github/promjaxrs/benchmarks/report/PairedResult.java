package io.github.promjaxrs.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code PairedRequests}: variant B against variant A in one JVM, times in ns per
 * request (medians over batches), the added time (median of the pairs' differences) and its
 * bootstrap 95 % interval, the request thread's bytes per request, and the load average at the end.
 */
record PairedResult(String a, String b, int pairs, int batch, double nanosA, double nanosB, double added,
                    double low, double high, double bytesA, double bytesB, double load) {

    static List<PairedResult> read(Path tsv) throws IOException {
        List<PairedResult> results = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            results.add(new PairedResult(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
                    Double.parseDouble(f[10]), Double.parseDouble(f[11])));
        }
        return results;
    }

    boolean isAa() {
        return a.equals(b);
    }
}
