package io.github.promjaxrs.examples.orders;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.annotation.Timed;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A composed annotation: the metrics of a business operation, declared once and put on the
 * methods that change or cost something. Each use adds to the same two metrics, one series per
 * operation ({@code SimpleClassName.method}):
 * <pre>
 * orders_operations_total{operation="OrdersResource.cancel",status="409"} 1.0
 * orders_operation_duration_seconds_count{operation="OrdersResource.cancel"} 1
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Counted(name = "orders_operations", help = "Order operations, by operation and status",
        labels = {@Label(name = "operation", from = Label.Source.ENDPOINT),
                  @Label(name = "status", from = Label.Source.STATUS)})
@Timed(name = "orders_operation_duration_seconds", help = "Latency of order operations, by operation",
        labels = @Label(name = "operation", from = Label.Source.ENDPOINT),
        buckets = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1})
public @interface TrackedOperation {
}
