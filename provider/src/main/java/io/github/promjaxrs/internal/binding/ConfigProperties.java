package io.github.promjaxrs.internal.binding;

import io.github.promjaxrs.Conventions;
import io.github.promjaxrs.GroupBy;
import io.github.promjaxrs.MetricsServer;
import io.github.promjaxrs.internal.endpoint.PortServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code promjaxrs.*} configuration properties of this process, found where client_java
 * finds its own: a system property {@code promjaxrs.<key>}, else an environment variable
 * {@code PROMJAXRS_<KEY>}, else a {@code promjaxrs.<key>} line in the file named by
 * {@code PROMETHEUS_CONFIG} or {@code -Dprometheus.config}, else one in {@code prometheus.properties}
 * on the class path. They override what code set on the builder.
 *
 * <p>client_java's own loader cannot be reused: it returns only its typed {@code io.prometheus}
 * settings, and the raw sources behind them are package-private. This reads the same sources
 * the same way; unlike client_java (whose environment variables win over system properties), a
 * system property wins here, as the specification orders them.
 */
public final class ConfigProperties {

    private static final String PREFIX = "promjaxrs.";
    private static final String ENV_PREFIX = "PROMJAXRS_";

    /** Every key, in the order it is applied, with the builder setting it stands for ("" for none). */
    private static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("path", "path");
        settings.put("export_defaults", "exportDefaults");
        settings.put("defaults_prefix", "defaultsPrefix");
        settings.put("buckets", "buckets");
        settings.put("default_latency_as_histogram", "defaultLatencyAsHistogram");
        settings.put("group_by", "groupBy");
        settings.put("excluded_paths", "excludedPaths");
        settings.put("exclude_user_defaults", "excludeUserDefaults");
        settings.put("default_labels", "defaultLabel");
        settings.put("initial_value_when_only_static_labels", "initialValueWhenOnlyStaticLabels");
        settings.put("jvm_metrics", "jvmMetrics");
        settings.put("native_histograms", "nativeHistograms");
        settings.put("cardinality_limit", "cardinalityLimit");
        settings.put("max_label_value_length", "maxLabelValueLength");
        settings.put("conventions", "conventions");
        settings.put("metrics_port", "");
        settings.put("metrics_host", "");
        return Collections.unmodifiableMap(settings);
    }

    /** One property as found: its key, its value (trimmed), the name it was given by and where. */
    private record Property(String key, String value, String name, String source) {
        @Override
        public String toString() {
            return name + "=" + value + " (" + source + ")";
        }
    }

    /** Why a value cannot be parsed: the whole story, so it is reported with no cause. */
    private static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason);
        }
    }

    private final Map<String, Property> properties;

    private ConfigProperties(Map<String, Property> properties) {
        this.properties = properties;
    }

    /**
     * The properties of this process, with {@code environment} standing for its environment.
     *
     * @throws IllegalArgumentException for a {@code promjaxrs.*} key that is not one, or a file that cannot be read
     */
    public static ConfigProperties load(Map<String, String> environment) {
        Map<String, Property> found = new LinkedHashMap<>();
        // lowest precedence first: each source overwrites what the ones before it gave
        fromFile(classPathFile(), "prometheus.properties on the class path", found);
        String configFile = environment.get("PROMETHEUS_CONFIG") != null
                ? environment.get("PROMETHEUS_CONFIG") : System.getProperty("prometheus.config");
        if (configFile != null) {
            fromFile(namedFile(configFile), configFile, found);
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
                put(found, new Property(key, value.trim(), name, "environment variable"));
            }
        });
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                put(found, new Property(name.substring(PREFIX.length()), system.getProperty(name, "").trim(), name,
                        "system property"));
            }
        }
        Map<String, Property> ordered = new LinkedHashMap<>();
        for (String key : SETTINGS.keySet()) {
            if (found.containsKey(key)) {
                ordered.put(key, found.get(key));
            }
        }
        return new ConfigProperties(ordered);
    }

    private static void put(Map<String, Property> found, Property property) {
        if (!SETTINGS.containsKey(property.key())) {
            // a typo must not pass silently, as client_java refuses unknown io.prometheus keys
            String snake = property.key().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            throw new IllegalArgumentException(property + ": unknown promjaxrs property"
                    + (SETTINGS.containsKey(snake) ? " (did you mean " + PREFIX + snake + "?)" : "")
                    + ". The keys are " + String.join(", ", SETTINGS.keySet()) + ".");
        }
        found.put(property.key(), property);
    }

    private static void fromFile(Properties file, String source, Map<String, Property> found) {
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                put(found, new Property(name.substring(PREFIX.length()), file.getProperty(name).trim(), name, source));
            }
        }
    }

    /** As client_java reads it: through the context class loader, the application's in a container. */
    private static Properties classPathFile() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfigProperties.class.getClassLoader();
        }
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream("prometheus.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("prometheus.properties on the class path: cannot be read: " + e, e);
        }
        return properties;
    }

    private static Properties namedFile(String path) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(path))) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("prometheus.config / PROMETHEUS_CONFIG " + path
                    + ": cannot be read: " + e, e);
        }
        return properties;
    }

    /** The value of every property found, by key: equal exactly when two loads resolve to the same settings. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((key, property) -> values.put(key, property.value()));
        return values;
    }

    /**
     * The settings a property can give, as {@code PrometheusMetrics.Builder} takes them: the
     * builder implements it, so that configuration depends on nothing above it. A list property
     * replaces what code set.
     */
    public interface Settings {
        void path(String path);

        void exportDefaults(boolean exportDefaults);

        void defaultsPrefix(String prefix);

        void buckets(double[] buckets);

        void defaultLatencyAsHistogram(boolean histogram);

        void groupBy(GroupBy groupBy);

        /** Replaces the excluded paths code set. */
        void excludedPaths(List<String> regexes);

        void excludeUserDefaults(boolean exclude);

        /**
         * Replaces the static default labels code set; the dynamic ones stay (a property cannot
         * express a {@code LabelValue}), unless it names them.
         */
        void staticDefaultLabels(Map<String, String> labels);

        void initialValueWhenOnlyStaticLabels(boolean initialValue);

        void jvmMetrics(boolean jvmMetrics);

        void nativeHistograms(boolean nativeHistograms);

        void cardinalityLimit(int limit);

        void maxLabelValueLength(int length);

        void conventions(Conventions conventions);
    }

    /**
     * Gives each property to {@code settings}.
     *
     * @throws IllegalArgumentException naming the property, its value and where it came from
     */
    public void applyTo(Settings settings) {
        for (Property property : properties.values()) {
            try {
                apply(property.key(), property.value(), settings);
            } catch (Invalid e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage());
            } catch (IllegalArgumentException e) { // from a setter
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
        }
    }

    private void apply(String key, String value, Settings builder) {
        switch (key) {
            case "path" -> builder.path(value.isEmpty() ? null : value);
            case "export_defaults" -> builder.exportDefaults(bool(value));
            case "defaults_prefix" -> builder.defaultsPrefix(value);
            case "buckets" -> builder.buckets(list(value).stream().mapToDouble(ConfigProperties::number).toArray());
            case "default_latency_as_histogram" -> builder.defaultLatencyAsHistogram(bool(value));
            case "group_by" -> builder.groupBy(groupBy(value));
            case "excluded_paths" -> builder.excludedPaths(list(value));
            case "exclude_user_defaults" -> builder.excludeUserDefaults(bool(value));
            case "default_labels" -> builder.staticDefaultLabels(labels(value));
            case "initial_value_when_only_static_labels" -> builder.initialValueWhenOnlyStaticLabels(bool(value));
            case "jvm_metrics" -> builder.jvmMetrics(bool(value));
            case "native_histograms" -> builder.nativeHistograms(bool(value));
            case "cardinality_limit" -> builder.cardinalityLimit(integer(value));
            case "max_label_value_length" -> builder.maxLabelValueLength(integer(value));
            case "conventions" -> builder.conventions(conventions(value));
            case "metrics_port" -> port(value);
            case "metrics_host" -> {
                if (value.isEmpty()) {
                    throw new Invalid("empty; a host name or address to bind the metrics port to");
                }
                if (!properties.containsKey("metrics_port")) {
                    throw new Invalid("only used with " + PREFIX + "metrics_port, which is not set");
                }
            }
            default -> throw new IllegalStateException(key); // load() refused it already
        }
    }

    /**
     * {@code e} from validating the settings, naming the property that gave the setting it
     * names (the builder's messages start with the setting's name), if one did.
     */
    public IllegalArgumentException attribute(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        for (Property property : properties.values()) {
            String setting = SETTINGS.get(property.key());
            if (!setting.isEmpty() && (message.startsWith(setting + ":") || message.startsWith(setting + " "))) {
                return new IllegalArgumentException(property + ": " + message, e);
            }
        }
        return e;
    }

    /**
     * Starts the separate port {@code metrics_port} asks for on {@code registry}, bound to
     * {@code metrics_host} (default: every interface) and guarded by {@code guard}; null when it
     * is not set.
     */
    public MetricsServer startServer(PrometheusRegistry registry, ContainerRequestFilter guard) {
        Property port = properties.get("metrics_port");
        if (port == null) {
            return null;
        }
        Property host = properties.get("metrics_host");
        String where = host == null ? port.toString() : port + ", " + host;
        try {
            return PortServer.start(registry, host == null ? null : host.value(), port(port.value()), guard);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": cannot start the metrics server: " + e, e);
        } catch (RuntimeException e) { // an unresolved host, for one
            throw new IllegalArgumentException(where + ": cannot start the metrics server: " + e, e);
        }
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new Invalid("not true or false");
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid("not an integer");
        }
    }

    private static int port(String value) {
        int port = integer(value);
        if (port < 0 || port > 65535) {
            throw new Invalid("not a port number (0 to 65535; 0: any free port)");
        }
        return port;
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Invalid("'" + value + "' is not a number");
        }
    }

    private static GroupBy groupBy(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "template" -> GroupBy.TEMPLATE;
            case "path" -> GroupBy.PATH;
            case "endpoint" -> GroupBy.ENDPOINT;
            default -> throw new Invalid("not one of template, path, endpoint");
        };
    }

    private static Conventions conventions(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "promjaxrs" -> Conventions.PROMJAXRS;
            case "opentelemetry" -> Conventions.OPENTELEMETRY;
            default -> throw new Invalid("not one of promjaxrs, opentelemetry");
        };
    }

    /** Comma-separated items, each trimmed; none for an empty value. */
    private static List<String> list(String value) {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    }

    private static Map<String, String> labels(String value) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String item : list(value)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new Invalid("'" + item + "' is not name=value");
            }
            labels.put(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
        }
        return labels;
    }
}
