package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.internal.recording.BoundMetric;
import io.github.promjaxrs.internal.recording.CardinalityLimit;
import io.github.promjaxrs.internal.recording.CardinalityOverflows;
import io.github.promjaxrs.internal.recording.LabelSource;
import io.github.promjaxrs.internal.recording.ResourceMethodInfo;
import io.github.promjaxrs.internal.recording.MethodAnnotations;
import io.github.promjaxrs.internal.recording.MethodNames;
import io.github.promjaxrs.internal.recording.Settings;
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
    private final boolean initialValueWhenOnlyStaticLabels;
    private final boolean excludeUserDefaults;
    private final int maxLabelValueLength;
    private final List<DeclaredMetric> userDefaults = new ArrayList<>();

    public AnnotationBinder(Settings settings, SharedRegistrations.Owner owner, CardinalityOverflows overflows) {
        this.userMetrics = new AnnotationMetricRegistrations(settings, owner, overflows);
        this.initialValueWhenOnlyStaticLabels = settings.initialValueWhenOnlyStaticLabels();
        this.excludeUserDefaults = settings.excludeUserDefaults();
        this.maxLabelValueLength = settings.maxLabelValueLength();
        for (Class<? extends Annotation> composed : settings.registerDefaults()) {
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
            if (!names.add(d.name())) {
                continue; // declared on the method and on its class (or by registerDefault): the method's wins
            }
            BoundMetric bound = bind(d, annotated, methodName, matched.staticTemplate);
            List<BoundMetric> ofItsKind = switch (d.kind()) {
                case COUNTER -> counters;
                case HISTOGRAM, SUMMARY -> timers;
                case GAUGE -> gauges;
            };
            ofItsKind.add(bound);
        }
        return new MethodAnnotations(matched, methodNames, excludeUserDefaults,
                counters.toArray(BoundMetric[]::new), timers.toArray(BoundMetric[]::new),
                gauges.toArray(BoundMetric[]::new));
    }

    private BoundMetric bind(DeclaredMetric d, Method method, String methodName, String staticTemplate) {
        String description = d.describe(methodName);
        String where = "promjaxrs: " + description;
        try {
            Naming.requireMetricName(d.name(), "name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        List<Label> labels = d.labels();
        LabelSource[] sources = new LabelSource[labels.size()];
        List<String> labelNames = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            sources[i] = LabelParser.parse(labels.get(i), method, staticTemplate, where, maxLabelValueLength);
            if (labelNames.contains(sources[i].name)) {
                throw new IllegalArgumentException(where + ": labels: label name \"" + sources[i].name
                        + "\" is given twice");
            }
            if (d.kind() == MetricKind.GAUGE && sources[i].needsResponse()) {
                throw new IllegalArgumentException(where + ": labels: @Label(name=\"" + sources[i].name
                        + "\") takes the response status, which does not exist while a request is in progress");
            }
            labelNames.add(sources[i].name);
        }
        validateTimer(d, where);
        CardinalityLimit<?> registered = userMetrics.metric(d, labelNames, methodName);
        return new BoundMetric(description, registered, sources, d.userDefault(), initialValueWhenOnlyStaticLabels);
    }

    /** Buckets belong to a histogram, quantiles to a summary (both empty for the kinds that are neither). */
    private static void validateTimer(DeclaredMetric d, String where) {
        if (d.kind() != MetricKind.SUMMARY && d.quantiles().length > 0) {
            throw new IllegalArgumentException(where + ": quantiles: only a kind=SUMMARY has quantiles");
        }
        if (d.kind() != MetricKind.HISTOGRAM && d.buckets().length > 0) {
            throw new IllegalArgumentException(where + ": buckets: only a kind=HISTOGRAM has buckets");
        }
        if (d.buckets().length > 0) {
            Naming.requireBuckets(d.buckets(), where + ": buckets");
        }
        for (double quantile : d.quantiles()) {
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException(where + ": quantiles: " + quantile + " is not in (0, 1)");
            }
        }
    }
}
