package io.github.promjaxrs.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsToLoopbackPort8080AndTheDefaultRegistry() {
        Settings settings = Settings.fromEnvironment(Map.of("PORT", " ", "METRICS_TOKEN", ""));
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.metricsPort()).isEmpty();
        assertThat(settings.metricsToken()).isEmpty();
        assertThat(settings.registry()).isSameAs(PrometheusRegistry.defaultRegistry);
        assertThat(settings.metrics()).isEqualTo(Settings.Metrics.EXAMPLE);
    }

    @Test
    void metricsOffLeavesPromjaxrsOutButNotWithAMetricsPort() {
        assertThat(Settings.fromEnvironment(Map.of("METRICS", "off")).metrics()).isEqualTo(Settings.Metrics.OFF);
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("METRICS", "off", "METRICS_PORT", "9464")))
                .hasMessage("METRICS_PORT: no metrics to serve with METRICS=off");
    }

    @Test
    void metricsTakesOnDefaultsOrOffAndNothingElse() {
        assertThat(Settings.fromEnvironment(Map.of("METRICS", "on")).metrics()).isEqualTo(Settings.Metrics.EXAMPLE);
        assertThat(Settings.fromEnvironment(Map.of("METRICS", "defaults")).metrics()).isEqualTo(Settings.Metrics.DEFAULTS);
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("METRICS", "yes")))
                .hasMessage("METRICS: expected on, defaults or off, got 'yes'");
    }

    @Test
    void readsEveryVariable() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "HOST", "0.0.0.0", "PORT", "9000", "METRICS_PORT", "9464", "METRICS_TOKEN", "t0ken"));
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.metricsPort()).hasValue(9464);
        assertThat(settings.metricsToken()).hasValue("t0ken");
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PORT", "http")))
                .hasMessage("PORT: expected a port number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("METRICS_PORT", "70000")))
                .hasMessage("METRICS_PORT: expected a port number from 0 to 65535, got '70000'");
    }
}
