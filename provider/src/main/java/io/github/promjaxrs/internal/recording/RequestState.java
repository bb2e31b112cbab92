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
    /** What few requests need, made when one does: kept apart so that every request's timing stays small. */
    Extras extras;
    /** Finished already: a request counts once, whichever hook sees its end first. */
    boolean finished;

    /** What a request needs only in some settings, or only when something failed. */
    static final class Extras {
        /** The active-requests gauge raised for this request ({@code Conventions.OPENTELEMETRY}), to lower when it ends. */
        ActiveRequests.Series active;
        /** In-progress gauges raised with labels of this request, to lower when it ends. */
        GaugeDataPoint[] raisedGauges;
        /** Thrown by a label's code, and rethrown once the request is recorded: see {@link UntrustedValues#failed}. */
        VirtualMachineError fatal;
    }

    public RequestState(long startNanos, boolean excluded) {
        this.startNanos = startNanos;
        this.excluded = excluded;
    }

    Extras extras() {
        if (extras == null) {
            extras = new Extras();
        }
        return extras;
    }

    /** Lowers the active-requests gauge, once. */
    void lowerActive() {
        if (extras != null && extras.active != null) {
            extras.active.dec();
            extras.active = null;
        }
    }

    /** Thrown by a label's code while this request was recorded, or null. */
    VirtualMachineError fatal() {
        return extras == null ? null : extras.fatal;
    }

    /** Whether the request is recorded already. */
    public boolean isFinished() {
        return finished;
    }
}
