package io.github.promjaxrs.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.promjaxrs.LabelValue;
import io.github.promjaxrs.PrometheusMetrics;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Misconfigured annotations fail at start-up, naming the method, the metric and the attribute. */
class AnnotationValidationTest {

    /** The application fails to start; the runtime wraps promjaxrs' IllegalArgumentException in its own. */
    private static AbstractThrowableAssert<?, ? extends Throwable> startupFailure(Object... components) {
        Throwable failure = catchThrowable(() -> TestApp.start(components).close());
        Throwable cause = failure;
        while (cause != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        return assertThat(cause).as("IllegalArgumentException in %s", failure).isNotNull();
    }

    @Path("/a")
    public static class InvalidMetricName {
        @GET
        @Counted(name = "orders-created")
        public String get() {
            return "x";
        }
    }

    @Test
    void invalidMetricNameIsRefused() {
        startupFailure(InvalidMetricName.class).hasMessageContaining("InvalidMetricName.get")
                .hasMessageContaining("@Counted(name=\"orders-created\")").hasMessageContaining("name:");
    }

    @Path("/a")
    public static class InvalidLabelName {
        @GET
        @Counted(name = "orders", labels = @Label(name = "order-id", value = "x"))
        public String get() {
            return "x";
        }
    }

    @Test
    void invalidLabelNameIsRefused() {
        startupFailure(InvalidLabelName.class).hasMessageContaining("InvalidLabelName.get")
                .hasMessageContaining("@Counted(name=\"orders\")").hasMessageContaining("@Label(name=\"order-id\")");
    }

    @Path("/a")
    public static class LabelWithoutSource {
        @GET
        @Timed(name = "orders_seconds", labels = @Label(name = "region"))
        public String get() {
            return "x";
        }
    }

    @Test
    void labelWithNoSourceIsRefused() {
        startupFailure(LabelWithoutSource.class).hasMessageContaining("LabelWithoutSource.get")
                .hasMessageContaining("@Timed(name=\"orders_seconds\")").hasMessageContaining("@Label(name=\"region\")")
                .hasMessageContaining("found none");
    }

    @Path("/a")
    public static class LabelWithTwoSources {
        @GET
        @Counted(name = "orders", labels = @Label(name = "region", value = "eu", header = "X-Region"))
        public String get() {
            return "x";
        }
    }

    @Test
    void labelWithTwoSourcesIsRefused() {
        startupFailure(LabelWithTwoSources.class).hasMessageContaining("LabelWithTwoSources.get")
                .hasMessageContaining("@Label(name=\"region\")").hasMessageContaining("found value, header");
    }

    @Path("/a")
    public static class UndeclaredPathParam {
        @GET
        @Path("{id}")
        @Counted(name = "orders", labels = @Label(name = "customer", pathParam = "customer"))
        public String get(@PathParam("id") String id) {
            return "x";
        }
    }

    @Test
    void pathParamTheMethodDoesNotDeclareIsRefused() {
        startupFailure(UndeclaredPathParam.class).hasMessageContaining("UndeclaredPathParam.get")
                .hasMessageContaining("@Counted(name=\"orders\")").hasMessageContaining("pathParam: \"customer\"");
    }

    @Path("/a")
    public static class StatusOnInProgress {
        @GET
        @InProgress(name = "orders_in_progress", labels = @Label(name = "status", from = Label.Source.STATUS))
        public String get() {
            return "x";
        }
    }

    @Test
    void responseLabelOnInProgressIsRefused() {
        startupFailure(StatusOnInProgress.class).hasMessageContaining("StatusOnInProgress.get")
                .hasMessageContaining("@InProgress(name=\"orders_in_progress\")")
                .hasMessageContaining("@Label(name=\"status\")").hasMessageContaining("response status");
    }

    public static class NeedsArgument implements LabelValue {
        public NeedsArgument(String region) {
        }

        @Override
        public String value(ContainerRequestContext request, ContainerResponseContext response) {
            return "x";
        }
    }

    @Path("/a")
    public static class ProviderWithoutNoArgConstructor {
        @GET
        @Counted(name = "orders", labels = @Label(name = "region", provider = NeedsArgument.class))
        public String get() {
            return "x";
        }
    }

    @Test
    void providerWithoutNoArgConstructorIsRefused() {
        startupFailure(ProviderWithoutNoArgConstructor.class)
                .hasMessageContaining("ProviderWithoutNoArgConstructor.get")
                .hasMessageContaining("@Label(name=\"region\")").hasMessageContaining("provider:")
                .hasMessageContaining("no no-arg constructor");
    }

    @Path("/a")
    public static class UnsortedBuckets {
        @GET
        @Timed(name = "orders_seconds", buckets = {1, 0.5})
        public String get() {
            return "x";
        }
    }

    @Test
    void bucketsNotStrictlyIncreasingAreRefused() {
        startupFailure(UnsortedBuckets.class).hasMessageContaining("UnsortedBuckets.get")
                .hasMessageContaining("@Timed(name=\"orders_seconds\")").hasMessageContaining("buckets:");
    }

    @Path("/a")
    public static class QuantileOutOfRange {
        @GET
        @Timed(name = "orders_seconds", kind = Timed.Kind.SUMMARY, quantiles = {0.5, 1.0})
        public String get() {
            return "x";
        }
    }

    @Test
    void quantileOutsideZeroToOneIsRefused() {
        startupFailure(QuantileOutOfRange.class).hasMessageContaining("QuantileOutOfRange.get")
                .hasMessageContaining("@Timed(name=\"orders_seconds\")").hasMessageContaining("quantiles: 1.0");
    }

    @Path("/a")
    public static class ConflictingType {
        @GET
        @Counted(name = "orders")
        public String list() {
            return "x";
        }

        @POST
        @Timed(name = "orders")
        public String create() {
            return "x";
        }
    }

    @Test
    void sameNameWithAnotherTypeIsRefusedNamingBothMethods() {
        startupFailure(ConflictingType.class).hasMessageContaining("ConflictingType.list")
                .hasMessageContaining("ConflictingType.create").hasMessageContaining("\"orders\"");
    }

    @Path("/a")
    public static class ConflictingLabels {
        @GET
        @Counted(name = "orders", labels = @Label(name = "region", value = "eu"))
        public String list() {
            return "x";
        }

        @POST
        @Counted(name = "orders", labels = @Label(name = "zone", value = "a"))
        public String create() {
            return "x";
        }
    }

    @Test
    void sameNameWithAnotherLabelSetIsRefusedNamingBothMethods() {
        startupFailure(ConflictingLabels.class).hasMessageContaining("ConflictingLabels.list")
                .hasMessageContaining("ConflictingLabels.create").hasMessageContaining("labels=[region]")
                .hasMessageContaining("labels=[zone]");
    }

    @Path("/a")
    public static class ConflictingHelp {
        @GET
        @Counted(name = "orders", help = "Orders listed")
        public String list() {
            return "x";
        }

        @POST
        @Counted(name = "orders", help = "Orders created")
        public String create() {
            return "x";
        }
    }

    @Test
    void sameNameWithAnotherHelpIsRefusedNamingBothMethods() {
        startupFailure(ConflictingHelp.class).hasMessageContaining("ConflictingHelp.list")
                .hasMessageContaining("ConflictingHelp.create").hasMessageContaining("help=\"Orders listed\"")
                .hasMessageContaining("help=\"Orders created\"");
    }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface NoMetrics {
    }

    @Test
    void registerDefaultOfAnAnnotationWithoutMetricsIsRefused() {
        assertThatThrownBy(() -> PrometheusMetrics.builder().registry(new PrometheusRegistry())
                .registerDefault(NoMetrics.class).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registerDefault").hasMessageContaining("NoMetrics");
    }
}
