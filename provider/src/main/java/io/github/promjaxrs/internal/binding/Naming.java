package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.internal.recording.ResourceTemplate;
import java.util.regex.Pattern;

/**
 * Validation of the names a user gives: Prometheus' classic (legacy) character sets, which
 * every Prometheus version and query accepts without quoting.
 */
public final class Naming {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Naming() {
    }

    /** @throws IllegalArgumentException naming {@code setting} when {@code name} is not a valid metric name */
    public static void requireMetricName(String name, String setting) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + ": '" + name
                    + "' is not a valid metric name (allowed: [a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
    }

    /** @throws IllegalArgumentException naming {@code setting} when {@code name} is not a valid label name */
    public static void requireLabelName(String name, String setting) {
        if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")
                || name.equals("le") || name.equals("quantile")) {
            throw new IllegalArgumentException(setting + ": '" + name
                    + "' is not a valid label name (allowed: [a-zA-Z_][a-zA-Z0-9_]*, not reserved: __*, le, quantile)");
        }
    }

    /** @throws IllegalArgumentException naming {@code setting} unless the bounds are finite and strictly increasing */
    public static void requireBuckets(double[] bounds, String setting) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException(setting + ": at least one bucket bound is required");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Double.isFinite(bounds[i])) {
                throw new IllegalArgumentException(setting + ": bound " + bounds[i] + " is not finite");
            }
            if (i > 0 && bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException(setting + ": bounds must be strictly increasing, but "
                        + bounds[i] + " follows " + bounds[i - 1]);
            }
        }
    }

    /** {@code path} with one leading slash and no trailing or doubled ones: {@code metrics/} → {@code /metrics}. */
    public static String normalisePath(String path) {
        return ResourceTemplate.join(path);
    }
}
