package io.github.promjaxrs.internal.registry;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The metrics promjaxrs registered in each registry, and how many {@code PrometheusMetrics} use
 * each. Building again with the same definition (a container that instantiates an
 * {@code Application} twice, a redeploy with promjaxrs in a server-wide library) reuses the
 * registered metric; a metric is unregistered when its last user {@link Owner#releaseAll releases} it.
 *
 * <p>Registries are weakly held: a registry nobody else references goes with its entries. The
 * entries hold client_java metrics only, never application classes.
 */
public final class SharedRegistrations {

    private static final Map<PrometheusRegistry, Map<String, Entry>> BY_REGISTRY = new WeakHashMap<>();

    private static final class Entry {
        final Object definition;
        final Collector metric;
        int users;

        Entry(Object definition, Collector metric) {
            this.definition = definition;
            this.metric = metric;
        }
    }

    private SharedRegistrations() {
    }

    /** What one {@code PrometheusMetrics} registered or reuses in {@code registry}. */
    public static Owner owner(PrometheusRegistry registry) {
        return new Owner(registry);
    }

    /** The registrations of one {@code PrometheusMetrics}: released together, on close or on a failed build. */
    public static final class Owner {

        private final PrometheusRegistry registry;
        private final List<String> held = new ArrayList<>();
        private boolean released;

        private Owner(PrometheusRegistry registry) {
            this.registry = registry;
        }

        public PrometheusRegistry registry() {
            return registry;
        }

        /**
         * The metric registered as {@code name}: the one already there if promjaxrs registered it
         * with an equal {@code definition}, else {@code create}'s, registered now.
         *
         * @param definition what makes two declarations the same metric (equals), and names it in messages
         * @throws IllegalArgumentException when promjaxrs registered {@code name} with another
         *                                  definition, or something else holds the name
         */
        public <C extends Collector> C register(String name, Object definition, Supplier<C> create) {
            synchronized (BY_REGISTRY) {
                if (released) {
                    throw new IllegalStateException("promjaxrs: this PrometheusMetrics is closed");
                }
                Map<String, Entry> entries = BY_REGISTRY.computeIfAbsent(registry, r -> new HashMap<>());
                Entry entry = entries.get(name);
                if (entry != null) {
                    if (!entry.definition.equals(definition)) {
                        throw new IllegalArgumentException("promjaxrs: metric " + name + " is already registered as "
                                + entry.definition + "; cannot register it as " + definition);
                    }
                } else {
                    C metric = create.get();
                    try {
                        registry.register(metric);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("promjaxrs: cannot register " + definition
                                + ": the registry already holds a metric named " + name
                                + " that promjaxrs did not register (client_java said: " + e.getMessage() + ")", e);
                    }
                    entry = new Entry(definition, metric);
                    entries.put(name, entry);
                }
                entry.users++;
                held.add(name);
                @SuppressWarnings("unchecked")
                C metric = (C) entry.metric;
                return metric;
            }
        }

        /** Gives up every metric this owner holds; the last user of a metric unregisters it. Idempotent. */
        public void releaseAll() {
            synchronized (BY_REGISTRY) {
                if (released) {
                    return;
                }
                released = true;
                Map<String, Entry> entries = BY_REGISTRY.get(registry);
                for (String name : held) {
                    Entry entry = entries == null ? null : entries.get(name);
                    if (entry != null && --entry.users == 0) {
                        entries.remove(name);
                        registry.unregister(entry.metric);
                    }
                }
                held.clear();
            }
        }
    }
}
