package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.GroupBy;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A {@link GroupBy} turned into what the default metrics ask of it, the one place that decides
 * grouping: each resource method's series group (at start-up), the group of a request that matched
 * it, and the value of the group label for a request. Holds the groups, shared by every method and
 * request of one {@code PrometheusMetrics}.
 */
final class Grouping {

    /** The group of requests that matched no resource method. */
    private static final String UNMATCHED = "UNMATCHED";
    /**
     * More routes than any application has. Routes come from code, but Jersey lets a locator build
     * its resource model per request: past this, a new route's group is not kept (its series are
     * resolved per request, still under the cardinality limit), so such models cannot grow the map.
     */
    private static final int MAX_GROUPS = 10_000;

    private final GroupBy groupBy;
    private final int maxLabelValueLength;
    private final Logger log;
    /** The custom function's first failure is logged. */
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final String failureMessage;
    private final Map<String, GroupSeries> groups = new ConcurrentHashMap<>();
    private final GroupSeries unmatched = new GroupSeries(UNMATCHED, "");

    /**
     * @param maxLabelValueLength what a request-decided value (a path, a custom function's) is cut to
     * @param log                 where a failing custom function is logged
     */
    Grouping(GroupBy groupBy, int maxLabelValueLength, Logger log) {
        this.groupBy = groupBy;
        this.maxLabelValueLength = maxLabelValueLength;
        this.log = log;
        this.failureMessage = "promjaxrs: groupBy " + groupBy + " failed; recording the value '"
                + UntrustedValues.ERROR + "' (logged once)";
    }

    String labelName() {
        return groupBy.labelName();
    }

    /**
     * Whether the group label's value is the matched method's group (its template or endpoint):
     * bounded, so that a group's series can be cached in it.
     */
    boolean valueIsTheGroup() {
        return groupBy.kind() == GroupBy.Kind.TEMPLATE || groupBy.kind() == GroupBy.Kind.ENDPOINT;
    }

    /** The group of a resource method, at start-up: its endpoint's, or its static route's. */
    GroupSeries methodGroup(ResourceMethodInfo method) {
        return groupBy.kind() == GroupBy.Kind.ENDPOINT
                ? groups.computeIfAbsent(method.endpoint, e -> new GroupSeries(e, e))
                : route(method.staticRoute);
    }

    /**
     * The group of a request that matched {@code method}: the method's, unless the runtime reports
     * another route for it (one that came through sub-resource locators).
     */
    GroupSeries requestGroup(GroupSeries methodGroup, ResourceMethodInfo method, ContainerRequestContext request) {
        if (groupBy.kind() == GroupBy.Kind.ENDPOINT) {
            return methodGroup;
        }
        String fullRoute = method.fullRoute(request);
        return fullRoute == null ? methodGroup : route(fullRoute);
    }

    /** The group of a request: the one it matched, else the unmatched one. */
    GroupSeries group(RequestState timing) {
        return timing.group != null ? timing.group : unmatched;
    }

    /**
     * The group label's value for a request. A custom function's failure is recorded as
     * {@code ERROR} (see {@link UntrustedValues#failed}).
     */
    String value(RequestState timing, ContainerRequestContext request) {
        switch (groupBy.kind()) {
            case PATH:
                String path = request.getUriInfo().getPath();
                return UntrustedValues.cut(path.startsWith("/") ? path : "/" + path, maxLabelValueLength);
            case CUSTOM:
                try {
                    String value = groupBy.function().apply(request);
                    return value == null ? "" : UntrustedValues.cut(value, maxLabelValueLength);
                } catch (Throwable e) {
                    return UntrustedValues.failed(e, timing, failureLogged, log, failureMessage);
                }
            default:
                return group(timing).value;
        }
    }

    private GroupSeries route(String route) {
        GroupSeries group = groups.get(route);
        if (group == null) {
            group = groups.size() < MAX_GROUPS ? groups.computeIfAbsent(route, GroupSeries::ofRoute)
                    : GroupSeries.ofRoute(route);
        }
        return group;
    }
}
