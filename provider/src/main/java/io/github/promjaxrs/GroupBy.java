package io.github.promjaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the default latency histogram groups requests: the name of its group label and where
 * the value comes from.
 */
public final class GroupBy {

    /** Label {@code path}: the matched resource template, e.g. {@code /items/{id}}. Bounded. */
    public static final GroupBy TEMPLATE = new GroupBy(Kind.TEMPLATE, "path", null);
    /**
     * Label {@code path}: the raw request path. One series per distinct path, up to the
     * cardinality limit, each value cut to {@code maxLabelValueLength}.
     */
    public static final GroupBy PATH = new GroupBy(Kind.PATH, "path", null);
    /** Label {@code endpoint}: {@code SimpleClassName.method} of the matched resource method. */
    public static final GroupBy ENDPOINT = new GroupBy(Kind.ENDPOINT, "endpoint", null);

    /** What a {@link GroupBy} takes its value from. */
    public enum Kind { TEMPLATE, PATH, ENDPOINT, CUSTOM }

    private final Kind kind;
    private final String labelName;
    private final Function<ContainerRequestContext, String> function;

    private GroupBy(Kind kind, String labelName, Function<ContainerRequestContext, String> function) {
        this.kind = kind;
        this.labelName = labelName;
        this.function = function;
    }

    /**
     * Groups by a label of your own, which may not be {@code method} or {@code status}.
     * {@code function} runs once per request; it must be cheap, thread-safe and return few
     * distinct values (the cardinality limit and {@code maxLabelValueLength} apply). Whatever it
     * throws is recorded as {@code ERROR} and leaves the response alone (a JVM failure such as an
     * {@code OutOfMemoryError} is rethrown once the request is recorded).
     */
    public static GroupBy custom(String labelName, Function<ContainerRequestContext, String> function) {
        return new GroupBy(Kind.CUSTOM, Objects.requireNonNull(labelName, "labelName"),
                Objects.requireNonNull(function, "function"));
    }

    public Kind kind() {
        return kind;
    }

    public String labelName() {
        return labelName;
    }

    /** The function of a {@link #custom} grouping; {@code null} for the others. */
    public Function<ContainerRequestContext, String> function() {
        return function;
    }

    @Override
    public String toString() {
        return kind == Kind.CUSTOM ? "GroupBy.custom(" + labelName + ")" : "GroupBy." + kind;
    }
}
