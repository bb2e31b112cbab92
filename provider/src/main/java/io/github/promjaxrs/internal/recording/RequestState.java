package io.github.promjaxrs.internal.recording;

import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * What promjaxrs knows about one request between its filters: when it started, which resource
 * method it matched, and what must be undone or recorded when it ends. One small object per
 * request, used by one thread at a time (the runtime hands the request from thread to thread).
 */
public class RequestState {

    final long startNanos;
    /** The request path matched {@code excludedPaths}. */
    final boolean excluded;
    /** The default-metrics series group of the matched method; {@code null} while (or if never) matched. */
    GroupSeries group;
    /** The matched method opted out of the default metrics ({@code @DoNotTrack}). */
    boolean untracked;
    /** The matched method's annotation metrics, once they have begun. */
    MethodAnnotations annotations;
    /** The active-requests gauge raised for this request ({@code Conventions.OPENTELEMETRY}), to lower when it ends. */
    ActiveRequests.Series active;
    /** In-progress gauges raised with labels of this request, to lower when it ends. */
    GaugeDataPoint[] raisedGauges;
    /** Finished already: a request counts once, whichever hook sees its end first. */
    boolean finished;
    /** Thrown by a label's code, and rethrown once the request is recorded: see {@link UntrustedValues#failed}. */
    VirtualMachineError fatal;

    public RequestState(long startNanos, boolean excluded) {
        this.startNanos = startNanos;
        this.excluded = excluded;
    }

    /** Lowers the active-requests gauge, once. */
    void lowerActive() {
        if (active != null) {
            active.dec();
            active = null;
        }
    }

    /** Whether the request is recorded already. */
    public boolean isFinished() {
        return finished;
    }
}
