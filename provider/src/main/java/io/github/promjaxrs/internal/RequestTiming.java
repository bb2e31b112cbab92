package io.github.promjaxrs.internal;

/**
 * What the default metrics know about one request between its filters: when it started and
 * which resource method, if any, it matched. One small object per request, never shared
 * between threads concurrently (the runtime hands the request from thread to thread).
 */
public class RequestTiming {

    final long startNanos;
    /** The series group of the matched method; {@code null} while (or if never) matched. */
    GroupSeries group;
    /** The matched method opted out ({@code @DoNotTrack}). */
    boolean untracked;
    /** Recorded already: a request counts once, whichever hook sees its end first. */
    boolean recorded;

    public RequestTiming(long startNanos) {
        this.startNanos = startNanos;
    }
}
