package io.github.promjaxrs.internal.recording;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Label values promjaxrs does not choose: those a request decides (a raw path, a parameter, a
 * header) are bounded in length, and those user code computes ({@code LabelValue}s, a
 * {@code GroupBy.custom} function, {@code @Label} providers) may fail in any way, {@code Error}s
 * included, without touching the request.
 */
final class UntrustedValues {

    /** The value recorded for a label whose code failed. */
    static final String ERROR = "ERROR";

    private UntrustedValues() {
    }

    /**
     * {@code value}'s first {@code maxLength} characters, one fewer where the cut would split a
     * surrogate pair; {@code value} itself (null included) when it is no longer than that.
     */
    static String cut(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        return value.substring(0, Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength);
    }

    /**
     * What to record for a label whose code threw {@code failure}: {@link #ERROR}. Logs the failure
     * with its stack trace unless {@code logged} is set already. A failure the JVM must see is
     * kept on {@code timing}, which rethrows it once the request is recorded.
     *
     * @param timing the request's, or null where there is nothing left to record
     */
    static String failed(Throwable failure, RequestState timing, AtomicBoolean logged, Logger log, String message) {
        if (isFatal(failure) && timing != null && timing.fatal() == null) {
            timing.extras().fatal = (VirtualMachineError) failure;
        }
        if (logged.compareAndSet(false, true)) {
            log.logp(Level.WARNING, log.getName(), null, message, failure); // not this class: it did not fail
        }
        return ERROR;
    }

    /**
     * A {@link VirtualMachineError} but a {@link StackOverflowError}: by the time one is caught
     * here its stack has unwound, and the JVM is sound (a {@code LabelValue} that recurses without
     * end is a bug of its own, like any other exception it throws).
     */
    private static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }
}
