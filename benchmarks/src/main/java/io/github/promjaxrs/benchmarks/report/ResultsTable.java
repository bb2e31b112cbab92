package io.github.promjaxrs.benchmarks.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import io.github.promjaxrs.benchmarks.Instrumentation;
import io.github.promjaxrs.benchmarks.ScrapeFormat;
import io.github.promjaxrs.benchmarks.report.WrkRound.Measure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the measurements of {@code run.sh} into the markdown tables of {@code RESULTS.md}, with
 * each target met, missed or undecided: the paired in-memory requests ({@link PairedSummary}),
 * the request thread's bytes (the median of one JVM per variant, run several times) ({@code RequestAllocation}), the scrape cost
 * (JMH's JSON) and the wrk groups (ratios of throughput and of requests per server CPU-second with
 * cluster-bootstrap intervals, and the servers' bytes per request).
 *
 * <p>Usage: {@code ResultsTable [--paired FILE] [--allocation FILE] [--wrk FILE] [--wrk-bytes FILE]
 * JMH_JSON...}: the paired file holds {@link PairedSummary} lines, the allocation file
 * {@code VARIANT<TAB>bytes} lines, the wrk file {@code runtime<TAB>group<TAB>round<TAB>side<TAB>requests
 * per second<TAB>server CPU ns per request} lines (the last column optional), the wrk-bytes file {@code runtime<TAB>group<TAB>side<TAB>bytes per request} lines.
 */
public final class ResultsTable {

    /** JMH writes NaN unquoted where a score is missing: lenient. */
    private static final Gson JMH_JSON = new GsonBuilder().setStrictness(Strictness.LENIENT).create();
    private static final String ENDPOINT = "ScrapeBenchmark.metricsEndpoint";
    private static final String GENERATE = "ScrapeBenchmark.generateMetrics";
    private static final long SEED = 1;

    private final List<Measurement> measurements;
    private final List<PairedResult> paired;
    private final Map<String, Double> requestThreadBytes;
    private final List<WrkRound> wrk;
    private final List<String[]> wrkBytes;
    private final StringBuilder out = new StringBuilder();

    private ResultsTable(List<Measurement> measurements, List<PairedResult> paired,
                         Map<String, Double> requestThreadBytes, List<WrkRound> wrk, List<String[]> wrkBytes) {
        this.measurements = measurements;
        this.paired = paired;
        this.requestThreadBytes = requestThreadBytes;
        this.wrk = wrk;
        this.wrkBytes = wrkBytes;
    }

    public static void main(String[] args) throws IOException {
        List<Measurement> measurements = new ArrayList<>();
        List<PairedResult> paired = new ArrayList<>();
        Map<String, Double> requestThreadBytes = new LinkedHashMap<>();
        List<WrkRound> wrk = new ArrayList<>();
        List<String[]> wrkBytes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            if (args[i].equals("--paired") && hasValue) {
                paired.addAll(PairedResult.read(Path.of(args[++i])));
            } else if (args[i].equals("--allocation") && hasValue) {
                for (String[] fields : tsv(Path.of(args[++i]))) {
                    requestThreadBytes.put(fields[0], Double.parseDouble(fields[1]));
                }
            } else if (args[i].equals("--wrk") && hasValue) {
                wrk.addAll(WrkRound.read(Path.of(args[++i])));
            } else if (args[i].equals("--wrk-bytes") && hasValue) {
                wrkBytes.addAll(tsv(Path.of(args[++i])));
            } else {
                measurements.addAll(Measurement.fromJmh(JMH_JSON.fromJson(Files.readString(Path.of(args[i])), Object.class)));
            }
        }
        if (measurements.isEmpty() && paired.isEmpty()) {
            System.err.println("usage: ResultsTable [--paired FILE] [--allocation FILE] [--wrk FILE] [--wrk-bytes FILE] "
                    + "JMH_JSON...");
            System.exit(2);
        }
        System.out.print(new ResultsTable(Measurement.merge(measurements), paired, requestThreadBytes, wrk, wrkBytes)
                .render());
    }

    private static List<String[]> tsv(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    private String render() {
        peersTable();
        pairedTable();
        allocationTable();
        scrapeTable();
        wrkTable();
        targets();
        return out.toString();
    }

    /** Every peer in one table: what each adds to a request in memory and under wrk. */
    private void peersTable() {
        line("### Every peer, this run");
        line("");
        line("| | none | promjaxrs, Jersey | promjaxrs, RESTEasy | Micrometer listener | Dropwizard | OpenTelemetry agent |");
        line("|---|---|---|---|---|---|---|");
        line("| added CPU ns/request, in memory, paired ([95 %]) | 0 (A/A: " + added(aa("PROMJAXRS")) + ") | "
                + added(pair("NONE", "PROMJAXRS")) + " | " + added(pair("RESTEASY_NONE", "RESTEASY_PROMJAXRS"))
                + " | " + added(pair("NONE", "MICROMETER")) + " | " + added(pair("NONE", "DROPWIZARD"))
                + " | – (not in memory) |");
        line("| added bytes/request, in memory, request thread | 0 | " + addedBytes("NONE", "PROMJAXRS") + " | "
                + addedBytes("RESTEASY_NONE", "RESTEASY_PROMJAXRS") + " | " + addedBytes("NONE", "MICROMETER") + " | "
                + addedBytes("NONE", "DROPWIZARD") + " | – |");
        for (Measure measure : Measure.values()) {
            line("| wrk " + measureName(measure) + " vs none (median [95 %]) | 100 % (A/A: "
                    + ratio("jersey", "on2", "on", measure) + ") | " + ratio("jersey", "on", "none", measure) + " | "
                    + ratio("resteasy", "on", "none", measure) + " (A/A: " + ratio("resteasy", "on2", "on", measure)
                    + ") | – (not in the example) | – (not in the example) | " + ratio("jersey", "otel", "none", measure)
                    + " |");
        }
        line("| wrk added bytes/request on the server, all threads | 0 | " + serverBytes("jersey", "on") + " | "
                + serverBytes("resteasy", "on") + " | – | – | " + serverBytes("jersey", "otel") + " |");
        line("");
    }

    private void pairedTable() {
        if (paired.isEmpty()) {
            return;
        }
        line("### Request overhead, paired: A and B in one JVM, a few JVMs per comparison, `GET /items/{id}` in memory");
        line("");
        line("| runtime | A | B | JVMs x pairs x batch | CPU ns/request A / B | B - A, CPU ns [95 %] "
                + "| elapsed ns/request A / B | B - A, elapsed ns [95 %] | bytes/request A / B (request thread) "
                + "| load (1 min) |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (PairedResult p : paired) {
            Instrumentation a = Instrumentation.valueOf(p.a());
            Instrumentation b = Instrumentation.valueOf(p.b());
            line("| " + a.runtime().description() + " | " + a.description() + " | " + b.description()
                    + (p.isAa() ? " (A/A)" : "") + " | " + p.jvms() + " x " + p.pairs() + " x " + number(p.batch()) + " | "
                    + number(p.cpu().nanosA()) + " / " + number(p.cpu().nanosB()) + " | " + added(Optional.of(p)) + " | "
                    + number(p.elapsed().nanosA()) + " / " + number(p.elapsed().nanosB()) + " | "
                    + added(p.elapsed()) + " | " + number(p.bytesA()) + " / " + number(p.bytesB()) + " | " + String.format(Locale.ROOT, "%.2f",
                    p.load()) + " |");
        }
        line("");
    }

    private void allocationTable() {
        if (requestThreadBytes.isEmpty()) {
            return;
        }
        line("### Bytes per request on the request thread, the median of separate JVMs per variant (`RequestAllocation`)");
        line("");
        line("| runtime | variant | bytes/request | added |");
        line("|---|---|---|---|");
        for (Instrumentation variant : Instrumentation.values()) {
            Double bytes = requestThreadBytes.get(variant.name());
            if (bytes != null) {
                String none = variant.runtime() == Instrumentation.Runtime.JERSEY ? "NONE" : "RESTEASY_NONE";
                line("| " + variant.runtime().description() + " | " + variant.description() + " | " + number(bytes) + " | "
                        + addedBytes(none, variant.name()) + " |");
            }
        }
        line("");
    }

    private void scrapeTable() {
        List<Measurement> scrapes = measurements.stream()
                .filter(m -> m.benchmark().equals(ENDPOINT) || m.benchmark().equals(GENERATE)).toList();
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
        line("### Throughput under HTTP load: wrk, `GET /orders/1`, the sides of a group loaded together");
        line("");
        line("| example | X / Y | groups x rounds | throughput: median of rounds [95 %] | medians of the groups "
                + "| requests per server CPU-second: median of rounds [95 %] | medians of the groups |");
        line("|---|---|---|---|---|---|---|");
        for (String[] c : new String[][] {{"jersey", "on2", "on", "promjaxrs / promjaxrs (A/A)"},
                {"jersey", "on", "none", "promjaxrs / no metrics"}, {"jersey", "otel", "none", "OpenTelemetry agent / no metrics"},
                {"jersey", "on", "otel", "promjaxrs / OpenTelemetry agent"},
                {"resteasy", "on2", "on", "promjaxrs / promjaxrs (A/A)"}, {"resteasy", "on", "none", "promjaxrs / no metrics"}}) {
            Map<Integer, List<Double>> ratios = WrkRound.ratios(wrk, c[0], c[1], c[2], Measure.THROUGHPUT);
            if (ratios.isEmpty()) {
                continue;
            }
            int rounds = ratios.values().stream().mapToInt(List::size).sum();
            line("| " + (c[0].equals("jersey") ? "Jersey" : "RESTEasy") + " | " + c[3] + " | " + ratios.size() + " x "
                    + rounds / ratios.size() + " | " + ratio(c[0], c[1], c[2], Measure.THROUGHPUT) + " | "
                    + groupMedians(ratios) + " | " + ratio(c[0], c[1], c[2], Measure.REQUESTS_PER_CPU_SECOND) + " | "
                    + groupMedians(WrkRound.ratios(wrk, c[0], c[1], c[2], Measure.REQUESTS_PER_CPU_SECOND)) + " |");
        }
        line("");
        if (!wrkBytes.isEmpty()) {
            line("Bytes per request on the server (all threads but JFR's, JFR `jdk.ThreadAllocationStatistics` around one "
                    + "round per group; median over groups):");
            line("");
            line("| example | side | bytes/request | added |");
            line("|---|---|---|---|");
            for (String runtime : List.of("jersey", "resteasy")) {
                for (String side : List.of("none", "on", "on2", "otel")) {
                    double bytes = serverBytesOf(runtime, side);
                    if (!Double.isNaN(bytes)) {
                        line("| " + (runtime.equals("jersey") ? "Jersey" : "RESTEasy") + " | " + sideName(side) + " | "
                                + number(bytes) + " | " + signed(bytes - serverBytesOf(runtime, "none")) + " |");
                    }
                }
            }
            line("");
        }
    }

    private void targets() {
        line("### Targets");
        line("");
        line("| target | measured | |");
        line("|---|---|---|");
        for (String[] c : new String[][] {{"PROMJAXRS", "Jersey"}, {"RESTEASY_PROMJAXRS", "RESTEasy"}}) {
            aa(c[0]).map(PairedResult::cpu).ifPresent(p -> target("A/A, " + c[1]
                            + ": interval (CPU time) contains 0 and lies within ±30 ns", added(p),
                    p.low() <= 0 && p.high() >= 0 && p.low() >= -30 && p.high() <= 30 ? "met" : "**missed**"));
        }
        for (String[] c : new String[][] {{"NONE", "PROMJAXRS", "Jersey"}, {"RESTEASY_NONE", "RESTEASY_PROMJAXRS", "RESTEasy"}}) {
            pair(c[0], c[1]).map(PairedResult::cpu).ifPresent(p -> target("defaults add ≤ 250 ns/request on " + c[2]
                            + " (CPU time, upper bound of the interval)",
                    added(p), p.high() <= 250 ? "met" : p.low() > 250 ? "**missed**" : "undecided"));
            Double none = requestThreadBytes.get(c[0]);
            Double on = requestThreadBytes.get(c[1]);
            if (none != null && on != null) {
                target("defaults add ≤ 128 bytes/request on " + c[2] + " (request thread)", signed(on - none) + " B",
                        on - none <= 128 ? "met" : "**missed**");
            }
        }
        for (String benchmark : List.of(GENERATE, ENDPOINT)) {
            Optional<Measurement> text = scrape(benchmark, ScrapeFormat.TEXT);
            Optional<Measurement> protobuf = scrape(benchmark, ScrapeFormat.PROTOBUF);
            String through = benchmark.equals(ENDPOINT) ? "`GET /metrics`" : "`generateMetrics`";
            text.ifPresent(t -> target("10k-series text scrape < 20 ms (" + through + ", median)",
                    millis(t, t.median()) + " ms", toMillis(t, t.median()) < 20 ? "met" : "**missed**"));
            if (text.isPresent() && protobuf.isPresent()) {
                double t = text.get().median();
                double p = protobuf.get().median();
                target("10k-series protobuf scrape no slower than text (" + through + ")",
                        millis(protobuf.get(), p) + " vs " + millis(text.get(), t) + " ms", p <= t ? "met" : "**missed**");
            }
        }
        for (Measure measure : Measure.values()) {
            for (String runtime : List.of("jersey", "resteasy")) {
                Map<Integer, List<Double>> ratios = WrkRound.ratios(wrk, runtime, "on", "none", measure);
                if (!ratios.isEmpty()) {
                    double[] interval = WrkRound.interval(ratios, SEED);
                    target("wrk " + measureName(measure) + ", " + runtime + ": promjaxrs ≥ 98 % of no metrics (A/A beside it: "
                                    + ratio(runtime, "on2", "on", measure) + ")", ratio(runtime, "on", "none", measure),
                            verdict(ratios.size(), interval[0] >= 0.98, interval[1] < 0.98));
                }
            }
            Map<Integer, List<Double>> overAgent = WrkRound.ratios(wrk, "jersey", "on", "otel", measure);
            if (!overAgent.isEmpty()) {
                double[] interval = WrkRound.interval(overAgent, SEED);
                target("wrk " + measureName(measure) + ": promjaxrs ahead of the OpenTelemetry agent (interval above 100 %)",
                        ratio("jersey", "on", "otel", measure), verdict(overAgent.size(), interval[0] > 1, interval[1] < 1));
            }
        }
        line("");
    }

    /** One group of JVMs has no interval to judge by: its luck is all there is. */
    private static String verdict(int groups, boolean met, boolean missed) {
        return groups < 2 ? "undecided (one group)" : met ? "met" : missed ? "**missed**" : "undecided";
    }

    private Optional<PairedResult> pair(String a, String b) {
        return paired.stream().filter(p -> p.a().equals(a) && p.b().equals(b)).findFirst();
    }

    private Optional<PairedResult> aa(String variant) {
        return pair(variant, variant);
    }

    /** The added CPU time with its interval. */
    private static String added(Optional<PairedResult> p) {
        return p.map(r -> added(r.cpu())).orElse("–");
    }

    private static String added(PairedResult.Added a) {
        return signed(a.added()) + " [" + signed(a.low()) + ", " + signed(a.high()) + "]";
    }

    private String addedBytes(String none, String variant) {
        Double base = requestThreadBytes.get(none);
        Double bytes = requestThreadBytes.get(variant);
        return base == null || bytes == null ? "–" : signed(bytes - base);
    }

    private static String measureName(Measure measure) {
        return measure == Measure.THROUGHPUT ? "throughput" : "requests per server CPU-second";
    }

    private static String groupMedians(Map<Integer, List<Double>> ratios) {
        return ratios.values().stream().map(r -> percent(Bootstrap.median(r.stream().mapToDouble(Double::doubleValue)
                .toArray()))).collect(Collectors.joining(", "));
    }

    private String ratio(String runtime, String x, String y, Measure measure) {
        Map<Integer, List<Double>> ratios = WrkRound.ratios(wrk, runtime, x, y, measure);
        if (ratios.isEmpty()) {
            return "–";
        }
        double[] interval = WrkRound.interval(ratios, SEED);
        return percent(WrkRound.median(ratios)) + " [" + percent(interval[0]) + ", " + percent(interval[1]) + "]";
    }

    private double serverBytesOf(String runtime, String side) {
        double[] bytes = wrkBytes.stream().filter(f -> f[0].equals(runtime) && f[2].equals(side))
                .mapToDouble(f -> Double.parseDouble(f[3])).toArray();
        return bytes.length == 0 ? Double.NaN : Bootstrap.median(bytes);
    }

    private String serverBytes(String runtime, String side) {
        double bytes = serverBytesOf(runtime, side);
        return Double.isNaN(bytes) ? "–" : signed(bytes - serverBytesOf(runtime, "none"));
    }

    private static String sideName(String side) {
        switch (side) {
            case "none":
                return "no metrics";
            case "on":
                return "promjaxrs";
            case "on2":
                return "promjaxrs (second, A/A)";
            default:
                return "OpenTelemetry agent";
        }
    }

    private void target(String target, String measured, String verdict) {
        line("| " + target + " | " + measured + " | " + verdict + " |");
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

    private void line(String text) {
        out.append(text).append('\n');
    }
}
