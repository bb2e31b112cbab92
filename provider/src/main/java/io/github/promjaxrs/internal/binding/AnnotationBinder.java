package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.annotation.Timed;
import io.github.promjaxrs.internal.recording.BoundMetric;
import io.github.promjaxrs.internal.recording.CardinalityLimit;
import io.github.promjaxrs.internal.recording.CardinalityOverflows;
import io.github.promjaxrs.internal.recording.LabelSource;
import io.github.promjaxrs.internal.recording.ResourceMethodInfo;
import io.github.promjaxrs.internal.recording.MethodAnnotations;
import io.github.promjaxrs.internal.recording.MethodNames;
import io.github.promjaxrs.internal.registry.SharedRegistrations;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the metric annotations of a resource method into a {@link MethodAnnotations}, at
 * start-up: validates every attribute (failing with a message naming the method, the metric and
 * the attribute) and registers each metric once.
 */
public final class AnnotationBinder {

    private final AnnotationMetricRegistrations userMetrics;
    private final double[] defaultBuckets;
    private final boolean initialValueWhenOnlyStaticLabels;
    private final boolean excludeUserDefaults;
    private final int maxLabelValueLength;
    private final List<DeclaredMetric> userDefaults = new ArrayList<>();

    public AnnotationBinder(SharedRegistrations.Owner owner, double[] defaultBuckets, boolean nativeHistograms,
                            boolean initialValueWhenOnlyStaticLabels, boolean excludeUserDefaults,
                            List<Class<? extends Annotation>> registerDefaults, int cardinalityLimit,
                            CardinalityOverflows overflows, boolean exemplars, int maxLabelValueLength) {
        this.userMetrics = new AnnotationMetricRegistrations(owner, nativeHistograms, cardinalityLimit, overflows, exemplars);
        this.defaultBuckets = defaultBuckets.clone();
        this.initialValueWhenOnlyStaticLabels = initialValueWhenOnlyStaticLabels;
        this.excludeUserDefaults = excludeUserDefaults;
        this.maxLabelValueLength = maxLabelValueLength;
        for (Class<? extends Annotation> composed : registerDefaults) {
            List<DeclaredMetric> metrics = DeclaredMetric.inDefault(composed);
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("registerDefault: " + composed.getName()
                        + " carries no @Counted, @Timed or @InProgress");
            }
            userDefaults.addAll(metrics);
        }
    }

    /**
     * The annotation metrics of {@code method}, or null when it has none.
     *
     * @param annotated the method whose Jakarta REST annotations apply (an overridden one, if inherited)
     */
    MethodAnnotations bind(Class<?> resourceClass, Method method, Method annotated, ResourceMethodInfo matched,
                           MethodNames methodNames) {
        List<DeclaredMetric> declared = new ArrayList<>(DeclaredMetric.on(resourceClass, method, annotated));
        declared.addAll(userDefaults);
        if (declared.isEmpty()) {
            return null;
        }
        String methodName = resourceClass.getSimpleName() + "." + method.getName();
        List<BoundMetric> counters = new ArrayList<>();
        List<BoundMetric> timers = new ArrayList<>();
        List<BoundMetric> gauges = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DeclaredMetric d : declared) {
            if (!names.add(name(d.metric()))) {
                continue; // declared on the method and on its class (or by registerDefault): the method's wins
            }
            BoundMetric bound = bind(d, annotated, methodName, matched.staticTemplate);
            if (d.metric() instanceof Counted) {
                counters.add(bound);
            } else if (d.metric() instanceof Timed) {
                timers.add(bound);
            } else {
                gauges.add(bound);
            }
        }
        return new MethodAnnotations(matched, methodNames, excludeUserDefaults,
                counters.toArray(BoundMetric[]::new), timers.toArray(BoundMetric[]::new),
                gauges.toArray(BoundMetric[]::new));
    }

    private BoundMetric bind(DeclaredMetric d, Method method, String methodName, String staticTemplate) {
        Annotation metric = d.metric();
        String description = "@" + metric.annotationType().getSimpleName() + "(name=\"" + name(metric) + "\") on "
                + methodName;
        String where = "promjaxrs: " + description;
        try {
            Naming.requireMetricName(name(metric), "name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        List<Label> labels = new ArrayList<>(List.of(labels(metric)));
        labels.addAll(d.extraLabels());
        LabelSource[] sources = new LabelSource[labels.size()];
        List<String> labelNames = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            sources[i] = LabelParser.parse(labels.get(i), method, staticTemplate, where, maxLabelValueLength);
            if (labelNames.contains(sources[i].name)) {
                throw new IllegalArgumentException(where + ": labels: label name \"" + sources[i].name
                        + "\" is given twice");
            }
            if (metric instanceof InProgress && sources[i].needsResponse()) {
                throw new IllegalArgumentException(where + ": labels: @Label(name=\"" + sources[i].name
                        + "\") takes the response status, which does not exist while a request is in progress");
            }
            labelNames.add(sources[i].name);
        }
        if (metric instanceof Timed timed) {
            validate(timed, where);
        }
        CardinalityLimit<?> registered = userMetrics.metric(
                AnnotationMetricRegistrations.Definition.of(metric, labelNames, defaultBuckets), methodName);
        return new BoundMetric(description, registered, sources, d.userDefault(), initialValueWhenOnlyStaticLabels);
    }

    private static void validate(Timed timed, String where) {
        if (timed.kind() == Timed.Kind.HISTOGRAM && timed.quantiles().length > 0) {
            throw new IllegalArgumentException(where + ": quantiles: only a kind=SUMMARY has quantiles");
        }
        if (timed.kind() == Timed.Kind.SUMMARY && timed.buckets().length > 0) {
            throw new IllegalArgumentException(where + ": buckets: only a kind=HISTOGRAM has buckets");
        }
        if (timed.buckets().length > 0) {
            Naming.requireBuckets(timed.buckets(), where + ": buckets");
        }
        for (double quantile : timed.quantiles()) {
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException(where + ": quantiles: " + quantile + " is not in (0, 1)");
            }
        }
    }

    private static String name(Annotation metric) {
        if (metric instanceof Counted counted) {
            return counted.name();
        }
        if (metric instanceof Timed timed) {
            return timed.name();
        }
        return ((InProgress) metric).name();
    }

    private static Label[] labels(Annotation metric) {
        if (metric instanceof Counted counted) {
            return counted.labels();
        }
        if (metric instanceof Timed timed) {
            return timed.labels();
        }
        return ((InProgress) metric).labels();
    }
}
