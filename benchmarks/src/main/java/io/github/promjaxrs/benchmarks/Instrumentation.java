package io.github.promjaxrs.benchmarks;

/**
 * The ways of serving the same templated GET that the request benchmarks compare, on Jersey 3.1
 * and on RESTEasy 6.2. Each {@link #start} builds a fresh application on fresh registries, so
 * two applications of one variant in one JVM (an A/A comparison) share no state. The applications
 * are built by {@link JerseyApplications} and {@link ResteasyApplications}, loaded only for their
 * own runtime: each runtime has its own jar, as one class path cannot hold both.
 */
public enum Instrumentation {

    NONE(Runtime.JERSEY, "no metrics"),
    PROMJAXRS(Runtime.JERSEY, "promjaxrs defaults"),
    /**
     * The defaults without the metrics endpoint in the application ({@code path(null)}): every
     * request Jersey matches against {@code /metrics} first pays for that miss, as it would for
     * any other root resource tried first, so this separates the cost of the hooks from it.
     */
    PROMJAXRS_NO_ENDPOINT(Runtime.JERSEY, "promjaxrs defaults, endpoint not in the application (`path(null)`)"),
    PROMJAXRS_ANNOTATED(Runtime.JERSEY, "promjaxrs defaults + @Counted @Timed, path-param @Label"),
    PROMJAXRS_OPENTELEMETRY(Runtime.JERSEY, "promjaxrs defaults, `Conventions.OPENTELEMETRY`"),
    MICROMETER(Runtime.JERSEY, "Jersey's Micrometer listener (SimpleMeterRegistry)"),
    DROPWIZARD(Runtime.JERSEY, "Dropwizard metrics-jersey3, @Timed"),
    /** The floor of what promjaxrs' defaults do, in filters ({@link FloorFilters}): what promjaxrs adds above it is its own. */
    FLOOR(Runtime.JERSEY, "filters that read the clock twice and update one histogram and one counter series"),
    RESTEASY_NONE(Runtime.RESTEASY, "no metrics"),
    RESTEASY_PROMJAXRS(Runtime.RESTEASY, "promjaxrs defaults"),
    /** Where promjaxrs' hooks are on RESTEasy, filters that do nothing: what the hooks cost before promjaxrs' work. */
    RESTEASY_NOOP_FILTERS(Runtime.RESTEASY, "a pre-matching request filter and a response filter that do nothing"),
    RESTEASY_FLOOR(Runtime.RESTEASY, "filters that read the clock twice and update one histogram and one counter series");

    /** Which Jakarta REST runtime serves a variant. */
    public enum Runtime {
        JERSEY("Jersey 3.1"),
        RESTEASY("RESTEasy 6.2");

        private final String description;

        Runtime(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Runtime runtime;
    private final String description;

    Instrumentation(Runtime runtime, String description) {
        this.runtime = runtime;
        this.description = description;
    }

    public Runtime runtime() {
        return runtime;
    }

    /** What the results table calls this variant. */
    public String description() {
        return description;
    }

    InstrumentedApplication start() {
        return runtime == Runtime.JERSEY ? JerseyApplications.start(this) : ResteasyApplications.start(this);
    }
}
