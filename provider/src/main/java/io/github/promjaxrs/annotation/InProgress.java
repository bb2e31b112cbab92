package io.github.promjaxrs.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A gauge of invocations in progress: raised when the method is matched, lowered when its
 * response is known, whatever the outcome. Its labels cannot depend on the response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(InProgress.List.class)
public @interface InProgress {

    String name();

    String help() default "";

    Label[] labels() default {};

    /** Holds repeated {@link InProgress}es. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @interface List {
        InProgress[] value();
    }
}
