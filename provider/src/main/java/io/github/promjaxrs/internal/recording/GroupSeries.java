package io.github.promjaxrs.internal.recording;

/**
 * The series of one group value (a template or an endpoint), indexed by a row (a method, or a
 * method and a scheme) and the status, so that recording a request is two array reads once its
 * combination has been seen.
 */
final class GroupSeries {

    /** Rows for every {@link MethodNames#STANDARD} method under each of two schemes. */
    static final int ROWS = 2 * MethodNames.STANDARD_COUNT;
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    /** Resolves the series of a row and status of a group, the first time they are seen. */
    @FunctionalInterface
    interface Resolver {
        RequestSeries resolve(int row, GroupSeries group, String status);
    }

    /** The group label value: the normalised template, or the endpoint. */
    final String value;
    /** The route (regex constraints kept), or the endpoint; {@code ""} for requests that matched nothing. */
    final String route;
    private final RequestSeries[][] byRowAndStatus = new RequestSeries[ROWS][];

    GroupSeries(String value, String route) {
        this.value = value;
        this.route = route;
    }

    /** The group of a route: its value is the normalised template. */
    static GroupSeries ofRoute(String route) {
        return new GroupSeries(ResourceTemplate.join(route), route);
    }

    static boolean cacheable(int row, int status) {
        return row >= 0 && row < ROWS && status >= MIN_STATUS && status <= MAX_STATUS;
    }

    /** Only for {@link #cacheable} arguments. Races are benign: client_java returns the same data points. */
    RequestSeries series(int row, int status, Resolver resolver) {
        RequestSeries[] byStatus = byRowAndStatus[row];
        if (byStatus == null) {
            byStatus = new RequestSeries[MAX_STATUS - MIN_STATUS + 1];
            byRowAndStatus[row] = byStatus;
        }
        RequestSeries series = byStatus[status - MIN_STATUS];
        if (series == null) {
            series = resolver.resolve(row, this, Integer.toString(status));
            if (series.cacheable()) {
                byStatus[status - MIN_STATUS] = series;
            }
        }
        return series;
    }
}
