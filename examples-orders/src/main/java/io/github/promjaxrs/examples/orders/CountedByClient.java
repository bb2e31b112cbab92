package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Given to {@code registerDefault}, so it applies to every resource method of the service
 * (the metrics endpoint included) without being written on any: requests by kind of client,
 * which {@link ClientKind} derives from the {@code User-Agent} header.
 * <pre>
 * orders_requests_by_client_total{client="prometheus",method="GET"} 42.0
 * </pre>
 * Like every {@code registerDefault} metric it skips {@code excludedPaths} ({@code /health}) and
 * {@code @ExcludeAllMetrics} methods ({@code /live}), and still counts {@code @DoNotTrack} ones.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Counted(name = "orders_requests_by_client", help = "Requests, by kind of client (from the User-Agent header)",
        labels = {@Label(name = "client", provider = ClientKind.class),
                  @Label(name = "method", from = Label.Source.METHOD)})
public @interface CountedByClient {
}
