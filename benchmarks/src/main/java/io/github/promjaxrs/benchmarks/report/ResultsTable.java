package io.github.promjaxrs.benchmarks.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import io.github.promjaxrs.benchmarks.Instrumentation;
import io.github.promjaxrs.benchmarks.ScrapeFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH's JSON results (and the wrk runs of {@code run.sh}) into the markdown tables of
 * {@code RESULTS.md}, with each target of the benchmarks met or missed. Times are the minimum
 * and the median over forks of each fork's mean; JMH results of several runs (passes) are
 * merged. A variant's added time is given twice: fastest fork against fastest fork (a busy host
 * only ever slows a fork down, so the fastest is the closest to the code's own cost; the time
 * target is judged on it) and the median over passes of its difference from no metrics in the
 * same pass.
 *
 * <p>Usage: {@code ResultsTable [--allocation FILE] [--wrk FILE] JMH_JSON...}: the allocation file
 * holds {@code VARIANT<TAB>bytes} lines of {@code RequestAllocation}, the wrk file
 * {@code round<TAB>on|off<TAB>requests per second<TAB>pair} lines.
 */
public final class ResultsTable {

    /** JMH writes NaN unquoted where a score is missing: lenient. */
    private static final Gson JMH_JSON = new GsonBuilder().setStrictness(Strictness.LENIENT).create();
    private static final String REQUEST = "RequestOverheadBenchmark.get";
    private static final String ENDPOINT = "ScrapeBenchmark.metricsEndpoint";
    private static final String GENERATE = "ScrapeBenchmark.generateMetrics";

    private final List<Measurement> measurements;
    private final Map<String, Double> requestThreadBytes;
    private final List<WrkRound> wrk;
    private final StringBuilder out = new StringBuilder();

    private ResultsTable(List<Measurement> measurements, Map<String, Double> requestThreadBytes, List<WrkRound> wrk) {
        this.measurements = measurements;
        this.requestThreadBytes = requestThreadBytes;
        this.wrk = wrk;
    }

    public static void main(String[] args) throws IOException {
        List<Measurement> measurements = new ArrayList<>();
        Map<String, Double> requestThreadBytes = new LinkedHashMap<>();
        List<WrkRound> wrk = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--allocation") && i + 1 < args.length) {
                for (String line : Files.readAllLines(Path.of(args[++i]))) {
                    String[] fields = line.split("\t");
                    requestThreadBytes.put(fields[0], Double.parseDouble(fields[1]));
                }
            } else if (args[i].equals("--wrk") && i + 1 < args.length) {
                wrk.addAll(WrkRound.read(Path.of(args[++i])));
            } else {
                measurements.addAll(Measurement.fromJmh(JMH_JSON.fromJson(Files.readString(Path.of(args[i])), Object.class)));
            }
        }
        if (measurements.isEmpty()) {
            System.err.println("usage: ResultsTable [--allocation FILE] [--wrk FILE] JMH_JSON...");
            System.exit(2);
        }
        System.out.print(new ResultsTable(Measurement.merge(measurements), requestThreadBytes, wrk).render());
    }

    private String render() {
        requestTable();
        scrapeTable();
        wrkTable();
        targets();
        return out.toString();
    }

    private void requestTable() {
        Optional<Measurement> none = request(Instrumentation.NONE);
        line("### Request overhead: one in-memory Jersey GET of `/items/{id}`");
        line("");
        line("| variant | ns/request (min / median of forks) | added ns (min / median of passes) | bytes/request | added bytes "
                + "| bytes/request, request thread | added |");
        line("|---|---|---|---|---|---|---|");
        double noneOnThread = requestThreadBytes.getOrDefault(Instrumentation.NONE.name(), Double.NaN);
        for (Instrumentation variant : Instrumentation.values()) {
            double onThread = requestThreadBytes.getOrDefault(variant.name(), Double.NaN);
            request(variant).ifPresent(m -> line("| " + variant.description() + " | " + number(m.min()) + " / "
                    + number(m.median()) + " | " + none.map(n -> signed(m.min() - n.min()) + " / "
                    + signed(m.pairedMedian(n, (a, b) -> a - b))).orElse("") + " | "
                    + number(m.bytesPerOp()) + " | " + none.map(n -> signed(m.bytesPerOp() - n.bytesPerOp())).orElse("")
                    + " | " + number(onThread) + " | " + signed(onThread - noneOnThread) + " |"));
        }
        line("");
        line("Bytes/request is JMH's `gc.alloc.rate.norm` (every thread of the fork); the request-thread "
                + "figure is `RequestAllocation`'s, one JVM per variant, steadier by a few hundred bytes.");
        line("");
    }

    private void scrapeTable() {
        List<Measurement> scrapes = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.benchmark().equals(ENDPOINT) || m.benchmark().equals(GENERATE)) {
                scrapes.add(m);
            }
        }
        if (scrapes.isEmpty()) {
            return;
        }
        line("### Scrape cost");
        line("");
        line("| series | format | through | ms/scrape (min / median of forks) | bytes/scrape |");
        line("|---|---|---|---|---|");
        for (Measurement m : scrapes) {
            line("| " + m.param("series") + " | " + ScrapeFormat.valueOf(m.param("format")).description() + " | "
                    + (m.benchmark().equals(ENDPOINT) ? "`GET /metrics`" : "`generateMetrics`") + " | "
                    + millis(m, m.min()) + " / " + millis(m, m.median()) + " | " + number(m.bytesPerOp()) + " |");
        }
        line("");
    }

    private void wrkTable() {
        if (wrk.isEmpty()) {
            return;
        }
        line("### Throughput under HTTP load: wrk against the Jersey example, `GET /orders/1`");
        line("");
        line("| round | pair (started first) | with promjaxrs (req/s) | without (req/s) | ratio |");
        line("|---|---|---|---|---|");
        for (int round : WrkRound.rounds(wrk)) {
            double on = WrkRound.requestsPerSecond(wrk, round, true);
            double off = WrkRound.requestsPerSecond(wrk, round, false);
            int pair = WrkRound.pair(wrk, round);
            line("| " + round + " | " + pair + " (" + (pair % 2 == 1 ? "with" : "without") + ") | " + number(on) + " | "
                    + number(off) + " | " + percent(on / off) + " |");
        }
        line("| all | | " + number(WrkRound.total(wrk, true)) + " | " + number(WrkRound.total(wrk, false)) + " | "
                + percent(WrkRound.total(wrk, true) / WrkRound.total(wrk, false)) + " |");
        line("");
        double first = WrkRound.ratio(wrk, pair -> pair % 2 == 1);
        double second = WrkRound.ratio(wrk, pair -> pair % 2 == 0);
        line("The ratio the target is judged on is the median of the rounds' ratios: " + percent(WrkRound.ratio(wrk))
                + (Double.isNaN(second) ? "." : " (pairs with promjaxrs started first: " + percent(first)
                + "; started second: " + percent(second) + ")."));
        line("");
    }

    private void targets() {
        line("### Targets");
        line("");
        line("| target | measured | |");
        line("|---|---|---|");
        Optional<Measurement> none = request(Instrumentation.NONE);
        Optional<Measurement> defaults = request(Instrumentation.PROMJAXRS);
        Optional<Measurement> annotated = request(Instrumentation.PROMJAXRS_ANNOTATED);
        Optional<Measurement> micrometer = request(Instrumentation.MICROMETER);
        if (none.isPresent() && defaults.isPresent()) {
            double added = defaults.get().bytesPerOp() - none.get().bytesPerOp();
            target("promjaxrs defaults add ≤ 256 bytes/request", number(added) + " B" + onThread(Instrumentation.PROMJAXRS),
                    added <= 256);
            micrometer.ifPresent(m -> {
                double micrometerAdded = m.bytesPerOp() - none.get().bytesPerOp();
                target("… and < 1/4 of what the Micrometer listener adds",
                        number(added) + " B vs " + number(micrometerAdded) + " B (" + percent(added / micrometerAdded)
                                + ")", added < micrometerAdded / 4);
            });
            double slower = defaults.get().min() / none.get().min() - 1;
            double slowerMedian = defaults.get().pairedMedian(none.get(), (a, b) -> a / b) - 1;
            target("promjaxrs defaults: time within 5 % of no metrics (fastest forks; median of passes)",
                    signedPercent(slower) + " (" + signedPercent(slowerMedian) + ")", slower <= 0.05);
        }
        if (none.isPresent() && annotated.isPresent()) {
            double added = annotated.get().bytesPerOp() - none.get().bytesPerOp();
            target("annotated variant adds ≤ 512 bytes/request",
                    number(added) + " B" + onThread(Instrumentation.PROMJAXRS_ANNOTATED), added <= 512);
        }
        for (String benchmark : List.of(GENERATE, ENDPOINT)) {
            Optional<Measurement> text = scrape(benchmark, ScrapeFormat.TEXT);
            Optional<Measurement> protobuf = scrape(benchmark, ScrapeFormat.PROTOBUF);
            String through = benchmark.equals(ENDPOINT) ? "`GET /metrics`" : "`generateMetrics`";
            text.ifPresent(t -> target("10k-series text scrape < 20 ms (" + through + ", median)",
                    millis(t, t.median()) + " ms", toMillis(t, t.median()) < 20));
            if (text.isPresent() && protobuf.isPresent()) {
                double t = text.get().median();
                double p = protobuf.get().median();
                target("10k-series protobuf scrape no slower than text (" + through + ")",
                        millis(protobuf.get(), p) + " vs " + millis(text.get(), t) + " ms", p <= t);
            }
        }
        if (!wrk.isEmpty()) {
            double ratio = WrkRound.ratio(wrk);
            target("wrk throughput with promjaxrs ≥ 97 % of without (median of rounds)", percent(ratio), ratio >= 0.97);
        }
        line("");
    }

    /** The request-thread figure of what {@code variant} adds, as a parenthesis, when it was measured. */
    private String onThread(Instrumentation variant) {
        Double bytes = requestThreadBytes.get(variant.name());
        Double none = requestThreadBytes.get(Instrumentation.NONE.name());
        return bytes == null || none == null ? "" : " (request thread: " + signed(bytes - none) + " B)";
    }

    private void target(String target, String measured, boolean met) {
        line("| " + target + " | " + measured + " | " + (met ? "met" : "**missed**") + " |");
    }

    private Optional<Measurement> request(Instrumentation variant) {
        return measurements.stream()
                .filter(m -> m.benchmark().equals(REQUEST) && variant.name().equals(m.param("instrumentation")))
                .findFirst();
    }

    private Optional<Measurement> scrape(String benchmark, ScrapeFormat format) {
        return measurements.stream()
                .filter(m -> m.benchmark().equals(benchmark) && "10000".equals(m.param("series"))
                        && format.name().equals(m.param("format")))
                .findFirst();
    }

    private static double toMillis(Measurement m, double value) {
        switch (m.unit()) {
            case "us/op":
                return value / 1e3;
            case "ns/op":
                return value / 1e6;
            case "ms/op":
                return value;
            default:
                throw new IllegalArgumentException("unexpected unit " + m.unit() + " of " + m.benchmark());
        }
    }

    private static String millis(Measurement m, double value) {
        return String.format(Locale.ROOT, "%.3f", toMillis(m, value));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String signed(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+,.0f", value);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String signedPercent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f %%", ratio * 100);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
