package io.github.promjaxrs.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The latency of the annotated resource method in seconds, from the start of the request
 * until its response is known (for async resources: until they resume).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Timed.List.class)
public @interface Timed {

    String name();

    String help() default "";

    Label[] labels() default {};

    Kind kind() default Kind.HISTOGRAM;

    /** Histogram bucket upper bounds, strictly increasing; empty: the provider's {@code buckets}. */
    double[] buckets() default {};

    /** Summary quantiles, each in (0, 1); empty: count and sum only. */
    double[] quantiles() default {};

    /** The metric type. */
    enum Kind { HISTOGRAM, SUMMARY }

    /** Holds repeated {@link Timed}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @interface List {
        Timed[] value();
    }
}
