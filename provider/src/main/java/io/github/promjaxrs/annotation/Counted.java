package io.github.promjaxrs.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A counter of invocations of the annotated resource method (or of every method of the
 * annotated class, or wherever the annotated annotation type is used), counted when the
 * response is known, whatever its outcome.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Counted.List.class)
public @interface Counted {

    /** The metric name; exposed with a {@code _total} suffix. */
    String name();

    String help() default "";

    Label[] labels() default {};

    /** Holds repeated {@link Counted}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @interface List {
        Counted[] value();
    }
}
