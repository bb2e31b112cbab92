package io.github.promjaxrs.examples.orders;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the service runs. Read from the environment, so that the README's one command and a
 * container need no flags; tests build their own, with a fresh registry each.
 *
 * @param host         the address to bind ({@code HOST}, default 127.0.0.1)
 * @param port         the application's port ({@code PORT}, default 8080; 0 picks a free one)
 * @param metricsPort  a separate port for the metrics alone ({@code METRICS_PORT}), if any
 * @param metricsToken the bearer token {@code /metrics} requires ({@code METRICS_TOKEN}), if any
 * @param registry     where the metrics go: the default registry, so JVM metrics are there too
 * @param metrics      what the service records ({@code METRICS}: {@code on}, {@code defaults} or {@code off})
 */
public record Settings(String host, int port, OptionalInt metricsPort, Optional<String> metricsToken,
                       PrometheusRegistry registry, Metrics metrics) {

    /** What the service records: the benchmarks load it with each, to tell what costs what. */
    public enum Metrics {
        /** promjaxrs as this example configures it ({@link OrdersMetrics}; {@code METRICS=on}, the default). */
        EXAMPLE,
        /** promjaxrs' defaults alone, on the same registry ({@code METRICS=defaults}). */
        DEFAULTS,
        /** No promjaxrs ({@code METRICS=off}). */
        OFF
    }

    public Settings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(metricsPort, "metricsPort");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The settings the environment asks for; unset or empty variables take their defaults. */
    public static Settings fromEnvironment(Map<String, String> env) {
        String host = value(env, "HOST");
        String port = value(env, "PORT");
        String metricsPort = value(env, "METRICS_PORT");
        Metrics metrics = metrics(value(env, "METRICS"));
        if (metrics == Metrics.OFF && metricsPort != null) {
            throw new IllegalArgumentException("METRICS_PORT: no metrics to serve with METRICS=off");
        }
        return new Settings(
                host == null ? "127.0.0.1" : host,
                port == null ? 8080 : port("PORT", port),
                metricsPort == null ? OptionalInt.empty() : OptionalInt.of(port("METRICS_PORT", metricsPort)),
                Optional.ofNullable(value(env, "METRICS_TOKEN")),
                PrometheusRegistry.defaultRegistry,
                metrics);
    }

    /** On 127.0.0.1, with no metrics port and no token: what a test starts from. */
    public static Settings loopback(int port, PrometheusRegistry registry) {
        return new Settings("127.0.0.1", port, OptionalInt.empty(), Optional.empty(), registry, Metrics.EXAMPLE);
    }

    public Settings withMetrics(Metrics metrics) {
        return new Settings(host, port, metricsPort, metricsToken, registry, metrics);
    }

    public Settings withMetricsToken(String token) {
        return new Settings(host, port, metricsPort, Optional.of(token), registry, metrics);
    }

    public Settings withMetricsPort(int metricsPort) {
        return new Settings(host, port, OptionalInt.of(metricsPort), metricsToken, registry, metrics);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Metrics metrics(String value) {
        if (value == null || value.equals("on")) {
            return Metrics.EXAMPLE;
        }
        return switch (value) {
            case "defaults" -> Metrics.DEFAULTS;
            case "off" -> Metrics.OFF;
            default -> throw new IllegalArgumentException("METRICS: expected on, defaults or off, got '" + value + "'");
        };
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a port number from 0 to 65535, got '" + value + "'");
    }
}
