package io.github.promjaxrs.annotation;

import io.github.promjaxrs.LabelValue;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One label of a {@link Counted}, {@link Timed} or {@link InProgress} metric, given in its
 * {@code labels} attribute. Exactly one source must be set: {@link #value}, {@link #from},
 * {@link #pathParam}, {@link #queryParam}, {@link #header} or {@link #provider}.
 *
 * <p>Placed directly on a method, class or composed annotation, a label is added to every
 * metric annotation declared in the same place.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Label.List.class)
public @interface Label {

    /** The label name. */
    String name();

    /** A static value. */
    String value() default "";

    /** A value the request or response provides. Give one element. */
    Source[] from() default {};

    /** The value of this path parameter of the resource method. */
    String pathParam() default "";

    /** The first value of this query parameter ({@code ""} when absent). */
    String queryParam() default "";

    /** The value of this request header ({@code ""} when absent). */
    String header() default "";

    /** A {@link LabelValue} class with a no-arg constructor, instantiated once at start-up. */
    Class<? extends LabelValue> provider() default LabelValue.class;

    /** Values the request or response provides. */
    enum Source {
        /** The request method, normalised as the default metrics do ({@code _OTHER} for unknown ones). */
        METHOD,
        /** The response status code; not available to {@link InProgress}. */
        STATUS,
        /** The raw request path: unbounded, use with care. */
        PATH,
        /** The matched resource template, e.g. {@code /items/{id}}. */
        TEMPLATE,
        /** {@code SimpleClassName.method} of the resource method. */
        ENDPOINT
    }

    /** Holds repeated {@link Label}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @interface List {
        Label[] value();
    }
}
