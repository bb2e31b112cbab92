package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Timed;
import java.util.function.UnaryOperator;

/** The kinds of annotation metric: the annotation that declares each, and its help text when none is given. */
enum MetricKind {

    /** {@link Counted}: a counter of invocations. */
    COUNTER("@Counted", method -> "Invocations of " + method),
    /** {@link Timed} of {@link Timed.Kind#HISTOGRAM}: a latency histogram. */
    HISTOGRAM("@Timed", method -> "Duration of " + method + " in seconds"),
    /** {@link Timed} of {@link Timed.Kind#SUMMARY}: a latency summary. */
    SUMMARY("@Timed", method -> "Duration of " + method + " in seconds"),
    /** {@link InProgress}: a gauge of invocations in progress. */
    GAUGE("@InProgress", method -> "Invocations of " + method + " in progress");

    private final String annotation;
    private final UnaryOperator<String> defaultHelp;

    MetricKind(String annotation, UnaryOperator<String> defaultHelp) {
        this.annotation = annotation;
        this.defaultHelp = defaultHelp;
    }

    static MetricKind of(Timed.Kind kind) {
        return kind == Timed.Kind.SUMMARY ? SUMMARY : HISTOGRAM;
    }

    /** The annotation that declares it, e.g. {@code @Timed}. */
    String annotation() {
        return annotation;
    }

    /** The annotation with the attribute that tells this kind apart, e.g. {@code @Timed(kind=SUMMARY)}. */
    String declaration() {
        return this == SUMMARY ? annotation + "(kind=SUMMARY)" : annotation;
    }

    /**
     * The help text of a metric declared without one, naming the method that declared it first, so
     * that every scrape has one (promtool warns of a metric with none).
     */
    String defaultHelp(String declaredOn) {
        return defaultHelp.apply(declaredOn);
    }
}
