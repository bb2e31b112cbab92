package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the provider depend on each other one way only, as the JDK's {@code jdeps}
 * reads the compiled classes: the facade ({@code PrometheusMetrics}, {@code PrometheusMetricsFeature})
 * on top, then {@code internal.runtime} and its adapters, {@code internal.binding} (start-up),
 * {@code internal.recording} (the per-request path) and {@code internal.endpoint}, with
 * {@code internal.registry} and the API's value types ({@code GroupBy}, {@code LabelValue},
 * the annotations, ...) at the bottom.
 */
class PackageDependenciesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.github\\.promjaxrs\\.\\S+)\\s+->\\s+(io\\.github\\.promjaxrs\\.\\S+)\\s");
    private static final Map<String, Set<String>> DEPENDENCIES = new TreeMap<>();

    @BeforeAll
    static void readTheCompiledClasses() throws Exception {
        Path classes = Path.of(PrometheusMetrics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class",
                "-e", "io\\.github\\.promjaxrs\\..*", classes.toString());
        assertThat(status).as("jdeps: %s", out).isZero();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                String from = layer(edge.group(1));
                String to = layer(edge.group(2));
                if (!from.equals(to)) {
                    DEPENDENCIES.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
    }

    /** A class's package, with the API package's facade apart from its value types. */
    private static String layer(String className) {
        String outer = className.replaceAll("\\$.*", "");
        if (outer.equals("io.github.promjaxrs.PrometheusMetrics") || outer.equals("io.github.promjaxrs.PrometheusMetricsFeature")) {
            return "io.github.promjaxrs (facade)";
        }
        return outer.substring(0, outer.lastIndexOf('.'));
    }

    @Test
    void thereIsNoCycleBetweenPackages() {
        assertThat(DEPENDENCIES).as("jdeps found the provider's packages").containsKey("io.github.promjaxrs (facade)");

        List<List<String>> cycles = new ArrayList<>();
        for (String start : DEPENDENCIES.keySet()) {
            findCycles(start, start, new ArrayList<>(List.of(start)), cycles);
        }

        assertThat(cycles).as("package dependencies: %s", DEPENDENCIES).isEmpty();
    }

    @Test
    void nothingInternalDependsOnTheFacade() {
        DEPENDENCIES.forEach((from, to) -> assertThat(to).as(from).doesNotContain("io.github.promjaxrs (facade)"));
    }

    @Test
    void theRecordingPathDependsOnNoStartUpRuntimeOrEndpointCode() {
        assertThat(DEPENDENCIES.getOrDefault("io.github.promjaxrs.internal.recording", Set.of()))
                .allMatch(to -> to.equals("io.github.promjaxrs.internal.registry") || to.equals("io.github.promjaxrs")
                        || to.equals("io.github.promjaxrs.annotation"));
    }

    private static void findCycles(String start, String at, List<String> path, List<List<String>> cycles) {
        for (String next : DEPENDENCIES.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                cycles.add(cycle);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycles(start, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
