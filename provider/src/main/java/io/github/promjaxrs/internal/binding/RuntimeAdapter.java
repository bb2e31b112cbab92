package io.github.promjaxrs.internal.binding;

import jakarta.ws.rs.core.FeatureContext;

/**
 * promjaxrs on one Jakarta REST runtime: the one seam between promjaxrs and an implementation.
 * {@link Runtimes#recognise} picks one per application, from the objects the runtime hands the
 * feature, and the adapter installs the hooks of that runtime: where a request's timing lives
 * and where its end is seen, how the matched method and its full template are found, how an
 * exception no mapper handled is seen, how the metrics endpoint is served. Adapters call the
 * recording side ({@link RequestRecorder}, {@link MethodRecording}); nothing there calls back.
 */
public interface RuntimeAdapter {

    /** Installs {@code instrumentation} in the application {@code context} configures. */
    void install(FeatureContext context, Instrumentation instrumentation);
}
