package io.github.promjaxrs.internal.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Naming}: the names and bounds a user gives, checked against Prometheus' classic character sets. */
class NamingTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders_total", "_private", "app:orders:rate5m", "A1"})
    void aClassicMetricNameIsAccepted(String name) {
        assertThatCode(() -> Naming.requireMetricName(name, "prefix")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1orders", "orders-total", "orders.total", "órders"})
    void anyOtherMetricNameIsRejectedNamingTheSetting(String name) {
        assertThatThrownBy(() -> Naming.requireMetricName(name, "prefix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix: '" + name + "' is not a valid metric name (allowed: [a-zA-Z_:][a-zA-Z0-9_:]*)");
    }

    @Test
    void noMetricNameIsRejected() {
        assertThatThrownBy(() -> Naming.requireMetricName(null, "prefix"))
                .hasMessageStartingWith("prefix: 'null' is not a valid metric name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop", "_shop", "shop_2", "Le", "_le"})
    void aClassicLabelNameIsAccepted(String name) {
        assertThatCode(() -> Naming.requireLabelName(name, "@Label")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2shop", "shop:id", "shop-id", "__name", "__"})
    void anyOtherLabelNameIsRejectedNamingTheSetting(String name) {
        assertThatThrownBy(() -> Naming.requireLabelName(name, "@Label"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Label: '" + name + "' is not a valid label name"
                        + " (allowed: [a-zA-Z_][a-zA-Z0-9_]*, not reserved: __*, le, quantile)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "quantile"})
    void theLabelNamesOfHistogramsAndSummariesAreReserved(String name) {
        assertThatThrownBy(() -> Naming.requireLabelName(name, "defaultLabels"))
                .hasMessageStartingWith("defaultLabels: '" + name + "' is not a valid label name");
    }

    @Test
    void strictlyIncreasingFiniteBucketsAreAccepted() {
        assertThatCode(() -> Naming.requireBuckets(new double[] {-1, 0, 0.5, 10}, "buckets"))
                .doesNotThrowAnyException();
    }

    @Test
    void noBucketIsRejected() {
        assertThatThrownBy(() -> Naming.requireBuckets(new double[0], "buckets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buckets: at least one bucket bound is required");
    }

    @Test
    void anInfiniteBoundIsRejected() {
        assertThatThrownBy(() -> Naming.requireBuckets(new double[] {1, Double.POSITIVE_INFINITY}, "buckets"))
                .hasMessage("buckets: bound Infinity is not finite");
    }

    @Test
    void aNaNBoundIsRejected() {
        assertThatThrownBy(() -> Naming.requireBuckets(new double[] {Double.NaN}, "buckets"))
                .hasMessage("buckets: bound NaN is not finite");
    }

    @Test
    void aRepeatedBoundIsRejected() {
        assertThatThrownBy(() -> Naming.requireBuckets(new double[] {0.1, 0.5, 0.5}, "buckets"))
                .hasMessage("buckets: bounds must be strictly increasing, but 0.5 follows 0.5");
    }

    @Test
    void aDecreasingBoundIsRejected() {
        assertThatThrownBy(() -> Naming.requireBuckets(new double[] {1, 0.5}, "buckets"))
                .hasMessage("buckets: bounds must be strictly increasing, but 0.5 follows 1.0");
    }

    @Test
    void aPathGetsOneLeadingSlashAndLosesTrailingAndDoubledOnes() {
        assertThat(Naming.normalisePath("metrics/")).isEqualTo("/metrics");
        assertThat(Naming.normalisePath("//internal//metrics")).isEqualTo("/internal/metrics");
    }

    @Test
    void anEmptyPathIsTheRoot() {
        assertThat(Naming.normalisePath("")).isEqualTo("/");
    }
}
