package io.github.promjaxrs.benchmarks;

/** The exposition formats a scrape can ask for, by the {@code Accept} header Prometheus sends. */
public enum ScrapeFormat {

    TEXT("text 0.0.4", "text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("OpenMetrics 1.0.0", "application/openmetrics-text; version=1.0.0; charset=utf-8"),
    PROTOBUF("protobuf", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");

    private final String description;
    final String accept;

    ScrapeFormat(String description, String accept) {
        this.description = description;
        this.accept = accept;
    }

    /** What the results table calls this format. */
    public String description() {
        return description;
    }
}
