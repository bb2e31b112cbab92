package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What promjaxrs records for one resource method, decided once at start-up: its default-metrics
 * group (or that it is not tracked) and its annotation metrics. Applied to a request once it is
 * known to have matched the method: by a {@link MethodRecordingFilter}, or, where the runtime can
 * tell the matched method at the end, when the request finishes.
 */
public final class MethodRecording {

    private final RequestRecorder recorder;
    private final ResourceMethodInfo method;
    private final boolean tracked;
    private final GroupSeries staticGroup;
    private final boolean groupByRoute;
    private final MethodAnnotations annotations;

    /**
     * @param method      null for a method with no metrics at all
     * @param tracked     whether the default metrics record this method
     * @param annotations the method's annotation metrics, or null for none
     */
    public MethodRecording(RequestRecorder recorder, ResourceMethodInfo method, boolean tracked, MethodAnnotations annotations) {
        this.recorder = recorder;
        this.method = method;
        this.tracked = tracked;
        this.annotations = annotations;
        HttpMetrics defaults = tracked ? recorder.defaults() : null;
        this.groupByRoute = defaults != null && defaults.groupsByRoute();
        this.staticGroup = defaults == null ? null
                : groupByRoute ? defaults.routeGroup(method.staticRoute) : defaults.endpointGroup(method.endpoint);
    }

    /**
     * The metrics of the metrics endpoint where a runtime serves it without a resource method:
     * recorded under its path, with no annotation metrics.
     */
    public static MethodRecording ofEndpoint(RequestRecorder recorder, String path) {
        return new MethodRecording(recorder, new ResourceMethodInfo("MetricsResource.scrape", path, RequestTemplates.STATIC),
                true, null);
    }

    /** Whether something must happen as the request matches, before the method runs: raising in-progress gauges. */
    public boolean actsOnMatch() {
        return annotations != null && annotations.hasGauges();
    }

    /** Applies this method's decision to a request that matched it. */
    public void matched(RequestState timing, ContainerRequestContext request) {
        if (!tracked) {
            timing.untracked = true;
            timing.lowerActive();
        } else if (staticGroup != null) {
            String fullRoute = groupByRoute ? method.fullRoute(request) : null;
            timing.group = fullRoute == null ? staticGroup : recorder.defaults().routeGroup(fullRoute);
        }
        if (annotations != null) {
            annotations.begin(timing, request);
        }
    }
}
