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
 * or a composed annotation used there, with the {@link Label}s placed beside it.
 *
 * @param metric      the metric annotation
 * @param extraLabels labels placed directly where the metric annotation sits
 * @param userDefault whether it comes from {@code registerDefault}
 */
record DeclaredMetric(Annotation metric, List<Label> extraLabels, boolean userDefault) {

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

    private static void collect(AnnotatedElement element, boolean userDefault, List<DeclaredMetric> found,
                                Set<Class<?>> visited) {
        List<Label> labels = Arrays.asList(element.getAnnotationsByType(Label.class));
        for (Class<? extends Annotation> type : List.of(Counted.class, Timed.class, InProgress.class)) {
            // getAnnotationsByType also unwraps the repeatable containers
            for (Annotation metric : element.getAnnotationsByType(type)) {
                found.add(new DeclaredMetric(metric, labels, userDefault));
            }
        }
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (isComposable(type) && visited.add(type)) {
                collect(type, userDefault, found, visited);
            }
        }
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
