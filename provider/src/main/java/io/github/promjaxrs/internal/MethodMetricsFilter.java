package io.github.promjaxrs.internal;

import io.github.promjaxrs.GroupBy;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Bound to one resource method at start-up: tells the request which method matched (or that
 * it is not tracked) and raises the method's in-progress gauges.
 */
final class MethodMetricsFilter implements ContainerRequestFilter {

    /** Before any other post-matching filter, so requests they abort still carry their template. */
    static final int PRIORITY = Integer.MIN_VALUE;

    private final RequestRecorder recorder;
    private final MatchedMethod method;
    private final boolean tracked;
    private final GroupSeries staticGroup;
    private final boolean groupByTemplate;
    private final MethodAnnotations annotations;

    /**
     * @param method      null for a method with no metrics at all
     * @param tracked     whether the default metrics record this method
     * @param annotations the method's annotation metrics, or null for none
     */
    MethodMetricsFilter(RequestRecorder recorder, MatchedMethod method, boolean tracked,
                        MethodAnnotations annotations) {
        this.recorder = recorder;
        this.method = method;
        this.tracked = tracked;
        this.annotations = annotations;
        DefaultMetrics defaults = tracked ? recorder.defaults() : null;
        this.groupByTemplate = defaults != null && defaults.groupBy().kind() != GroupBy.Kind.ENDPOINT;
        this.staticGroup = defaults == null ? null
                : defaults.group(groupByTemplate ? method.staticTemplate : method.endpoint);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        RequestTiming timing = recorder.timing(request);
        if (timing == null) {
            return;
        }
        if (!tracked) {
            timing.untracked = true;
        } else if (staticGroup != null) {
            timing.group = groupByTemplate && method.viaLocators(request)
                    ? recorder.defaults().group(method.template(request))
                    : staticGroup;
        }
        if (annotations != null) {
            annotations.begin(timing, request);
        }
    }
}
