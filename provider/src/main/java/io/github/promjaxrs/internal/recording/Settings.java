package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.Conventions;
import io.github.promjaxrs.GroupBy;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one {@code PrometheusMetrics} that its metrics are built with, taken from its
 * {@code Builder} once, when it is built (configuration properties applied and validated). Immutable.
 *
 * @param defaultsPrefix   the default metrics' name prefix without its {@code _}; {@code ""} for none
 * @param requestBuckets   the default latency histogram's buckets: those set, else the conventions' own
 * @param timedBuckets     the buckets of a {@code @Timed} histogram that gives none: those set, else promjaxrs' default
 * @param defaultLabels    {@code String} or {@code LabelValue} values, in the order they were given
 * @param registerDefaults the composed annotations applied to every resource method
 * @param exemplars        whether metrics sample trace exemplars: a tracer was present at build time
 */
public record Settings(String defaultsPrefix, Conventions conventions, double[] requestBuckets, double[] timedBuckets,
                       boolean defaultLatencyAsHistogram, boolean nativeHistograms, GroupBy groupBy,
                       Map<String, Object> defaultLabels, int cardinalityLimit, int maxLabelValueLength,
                       boolean initialValueWhenOnlyStaticLabels, boolean excludeUserDefaults,
                       List<Class<? extends Annotation>> registerDefaults, boolean exemplars) {

    public Settings {
        requestBuckets = requestBuckets.clone();
        timedBuckets = timedBuckets.clone();
        defaultLabels = Collections.unmodifiableMap(new LinkedHashMap<>(defaultLabels));
        registerDefaults = List.copyOf(registerDefaults);
    }

    @Override
    public double[] requestBuckets() {
        return requestBuckets.clone();
    }

    @Override
    public double[] timedBuckets() {
        return timedBuckets.clone();
    }

    /** {@code name} with the prefix: {@code jaxrs_name}, or {@code name} with no prefix. */
    public String prefixed(String name) {
        return defaultsPrefix.isEmpty() ? name : defaultsPrefix + "_" + name;
    }
}
