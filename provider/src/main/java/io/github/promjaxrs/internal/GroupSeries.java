package io.github.promjaxrs.internal;

/**
 * The series of one group value (a template or an endpoint), indexed by method and status so
 * that recording a request is two array reads once its combination has been seen.
 */
final class GroupSeries {

    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    final String value;
    private final RequestSeries[][] byMethodAndStatus = new RequestSeries[MethodNames.STANDARD_COUNT][];

    GroupSeries(String value) {
        this.value = value;
    }

    static boolean cacheable(int methodIndex, int status) {
        return methodIndex >= 0 && status >= MIN_STATUS && status <= MAX_STATUS;
    }

    /** Only for {@link #cacheable} arguments. Races are benign: client_java returns the same data points. */
    RequestSeries series(int methodIndex, int status, DefaultMetrics metrics) {
        RequestSeries[] byStatus = byMethodAndStatus[methodIndex];
        if (byStatus == null) {
            byStatus = new RequestSeries[MAX_STATUS - MIN_STATUS + 1];
            byMethodAndStatus[methodIndex] = byStatus;
        }
        RequestSeries series = byStatus[status - MIN_STATUS];
        if (series == null) {
            series = metrics.resolve(MethodNames.STANDARD[methodIndex], value, Integer.toString(status));
            if (series.cacheable()) {
                byStatus[status - MIN_STATUS] = series;
            }
        }
        return series;
    }
}
