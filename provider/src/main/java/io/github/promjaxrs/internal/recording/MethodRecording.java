package io.github.promjaxrs.internal.recording;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What promjaxrs records for one resource method, decided once at start-up: its default-metrics
 * group (or that it is not tracked) and its annotation metrics. Applied to a request once it is
 * known to have matched the method: by a {@link MethodRecordingFilter}, or, where the runtime can
 * tell the matched method at the end, when the request finishes.
 */
public final class MethodRecording {

    private final ResourceMethodInfo method;
    private final boolean tracked;
    /** Null where the default metrics do not record this method. */
    private final Grouping grouping;
    private final GroupSeries methodGroup;
    private final MethodAnnotations annotations;

    /**
     * @param method      null for a method with no metrics at all
     * @param tracked     whether the default metrics record this method
     * @param annotations the method's annotation metrics, or null for none
     */
    public MethodRecording(RequestRecorder recorder, ResourceMethodInfo method, boolean tracked, MethodAnnotations annotations) {
        this.method = method;
        this.tracked = tracked;
        this.annotations = annotations;
        this.grouping = tracked && recorder.defaults() != null ? recorder.defaults().grouping() : null;
        this.methodGroup = grouping == null ? null : grouping.methodGroup(method);
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
        } else if (grouping != null) {
            timing.group = grouping.requestGroup(methodGroup, method, request);
        }
        if (annotations != null) {
            annotations.begin(timing, request);
        }
    }
}
