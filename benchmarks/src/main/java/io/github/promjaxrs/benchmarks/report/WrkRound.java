package io.github.promjaxrs.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One wrk run of {@code run.sh}: which round, whether promjaxrs was on, the requests per second,
 * and which pair of example JVMs served it.
 */
record WrkRound(int round, boolean metrics, double requestsPerSecond, int pair) {

    static List<WrkRound> read(Path tsv) throws IOException {
        List<WrkRound> rounds = new ArrayList<>();
        for (String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            rounds.add(new WrkRound(Integer.parseInt(fields[0]), fields[1].equals("on"), Double.parseDouble(fields[2]),
                    fields.length > 3 ? Integer.parseInt(fields[3]) : 1));
        }
        return rounds;
    }

    static List<Integer> rounds(List<WrkRound> runs) {
        return runs.stream().map(WrkRound::round).distinct().sorted().toList();
    }

    static int pair(List<WrkRound> runs, int round) {
        return runs.stream().filter(r -> r.round == round).findFirst().orElseThrow().pair;
    }

    static double requestsPerSecond(List<WrkRound> runs, int round, boolean metrics) {
        return runs.stream().filter(r -> r.round == round && r.metrics == metrics)
                .mapToDouble(WrkRound::requestsPerSecond).sum();
    }

    static double total(List<WrkRound> runs, boolean metrics) {
        return runs.stream().filter(r -> r.metrics == metrics).mapToDouble(WrkRound::requestsPerSecond).sum();
    }

    /**
     * The median over rounds of throughput with promjaxrs over throughput without. Each round
     * loads both sides at the same time, so a change of load on the machine moves both; the
     * rounds come from several pairs of JVMs, started in both orders, so no pair's luck decides.
     */
    static double ratio(List<WrkRound> runs) {
        return ratio(runs, pair -> true);
    }

    /** {@link #ratio} over the rounds of the pairs {@code pairs} accepts; NaN for none. */
    static double ratio(List<WrkRound> runs, IntPredicate pairs) {
        double[] ratios = rounds(runs).stream().filter(round -> pairs.test(pair(runs, round)))
                .mapToDouble(round -> requestsPerSecond(runs, round, true) / requestsPerSecond(runs, round, false))
                .sorted().toArray();
        if (ratios.length == 0) {
            return Double.NaN;
        }
        int middle = ratios.length / 2;
        return ratios.length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
    }
}
