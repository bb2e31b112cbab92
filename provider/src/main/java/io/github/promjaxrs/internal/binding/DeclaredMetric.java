package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.InProgress;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.annotation.Timed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link Counted}, {@link Timed} or {@link InProgress} found on a resource method, its class,
 * or a composed annotation used there, read into its kind and attributes, with the {@link Label}s
 * placed beside it.
 *
 * @param labels      the annotation's own labels, then those placed directly where it sits
 * @param buckets     a {@code @Timed}'s; empty for the other kinds
 * @param quantiles   a {@code @Timed}'s; empty for the other kinds
 * @param userDefault whether it comes from {@code registerDefault}
 */
record DeclaredMetric(MetricKind kind, String name, String help, List<Label> labels, double[] buckets,
                      double[] quantiles, boolean userDefault) {

    private static final double[] NONE = {};
    private static final List<Class<? extends Annotation>> METRIC_ANNOTATIONS =
            List.of(Counted.class, Timed.class, InProgress.class, Label.class);

    /**
     * The metrics declared on {@code method} (and on {@code annotated}, the method it inherits its
     * Jakarta REST annotations from, if another) and on {@code resourceClass}, methods first.
     */
    static List<DeclaredMetric> on(Class<?> resourceClass, Method method, Method annotated) {
        List<DeclaredMetric> found = new ArrayList<>();
        collect(method, false, found, new HashSet<>());
        if (annotated != method) {
            collect(annotated, false, found, new HashSet<>());
        }
        collect(resourceClass, false, found, new HashSet<>());
        return found;
    }

    /** The metrics a composed annotation given to {@code registerDefault} carries. */
    static List<DeclaredMetric> inDefault(Class<? extends Annotation> composed) {
        List<DeclaredMetric> found = new ArrayList<>();
        collect(composed, true, found, new HashSet<>());
        return found;
    }

    /** {@code @Kind(name="…")} and the method it is declared on, for messages. */
    String describe(String declaredOn) {
        return kind.annotation() + "(name=\"" + name + "\") on " + declaredOn;
    }

    private static void collect(AnnotatedElement element, boolean userDefault, List<DeclaredMetric> found,
                                Set<Class<?>> visited) {
        List<Label> beside = Arrays.asList(element.getAnnotationsByType(Label.class));
        // getAnnotationsByType also unwraps the repeatable containers
        for (Counted counted : element.getAnnotationsByType(Counted.class)) {
            found.add(new DeclaredMetric(MetricKind.COUNTER, counted.name(), counted.help(),
                    labels(counted.labels(), beside), NONE, NONE, userDefault));
        }
        for (Timed timed : element.getAnnotationsByType(Timed.class)) {
            found.add(new DeclaredMetric(MetricKind.of(timed.kind()), timed.name(), timed.help(),
                    labels(timed.labels(), beside), timed.buckets(), timed.quantiles(), userDefault));
        }
        for (InProgress inProgress : element.getAnnotationsByType(InProgress.class)) {
            found.add(new DeclaredMetric(MetricKind.GAUGE, inProgress.name(), inProgress.help(),
                    labels(inProgress.labels(), beside), NONE, NONE, userDefault));
        }
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (isComposable(type) && visited.add(type)) {
                collect(type, userDefault, found, visited);
            }
        }
    }

    private static List<Label> labels(Label[] own, List<Label> beside) {
        List<Label> labels = new ArrayList<>(Arrays.asList(own));
        labels.addAll(beside);
        return List.copyOf(labels);
    }

    /** Annotation types of the application: not Java's, Jakarta's or the metric annotations themselves. */
    private static boolean isComposable(Class<? extends Annotation> type) {
        String name = type.getName();
        return !name.startsWith("java.") && !name.startsWith("jakarta.") && !name.startsWith("javax.")
                && !name.startsWith("kotlin.") && type.getEnclosingClass() != Counted.class
                && type.getEnclosingClass() != Timed.class && type.getEnclosingClass() != InProgress.class
                && type.getEnclosingClass() != Label.class && !METRIC_ANNOTATIONS.contains(type);
    }
}
