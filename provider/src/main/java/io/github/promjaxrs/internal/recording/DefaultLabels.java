package io.github.promjaxrs.internal.recording;

import io.github.promjaxrs.LabelValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The {@code defaultLabel}s of the default request metrics, which have labels of their own first:
 * a metric's label values are its own (request-derived) ones, then the static default labels,
 * then the dynamic ones. A dynamic value is cut to the length cap, and one whose code fails is
 * recorded as {@code ERROR} ({@link UntrustedValues}); each label's first failure is logged.
 */
final class DefaultLabels {

    private final String[] names;
    private final String[] staticValues;
    private final LabelValue[] dynamic;
    private final int maxValueLength;
    private final AtomicBoolean[] failureLogged;
    private final String[] failureMessages;
    private final Logger log;

    /**
     * @param labels name to a {@code String} (static) or a {@link LabelValue} (per request), in order
     * @param log    the logger of the metrics that record them
     */
    DefaultLabels(Map<String, Object> labels, int maxValueLength, Logger log) {
        List<String> staticNames = new ArrayList<>();
        List<String> staticValues = new ArrayList<>();
        List<String> dynamicNames = new ArrayList<>();
        List<LabelValue> dynamicValues = new ArrayList<>();
        labels.forEach((name, value) -> {
            if (value instanceof LabelValue labelValue) {
                dynamicNames.add(name);
                dynamicValues.add(labelValue);
            } else {
                staticNames.add(name);
                staticValues.add((String) value);
            }
        });
        this.staticValues = staticValues.toArray(String[]::new);
        this.dynamic = dynamicValues.toArray(LabelValue[]::new);
        this.failureLogged = new AtomicBoolean[dynamic.length];
        this.failureMessages = new String[dynamic.length];
        for (int i = 0; i < dynamic.length; i++) {
            failureLogged[i] = new AtomicBoolean();
            failureMessages[i] = "promjaxrs: defaultLabel \"" + dynamicNames.get(i) + "\" failed; recording the value '"
                    + UntrustedValues.ERROR + "' (logged once)";
        }
        staticNames.addAll(dynamicNames);
        this.names = staticNames.toArray(String[]::new);
        this.maxValueLength = maxValueLength;
        this.log = log;
    }

    /** Whether every value is static, so a metric's series depend on its own labels alone. */
    boolean allStatic() {
        return dynamic.length == 0;
    }

    /** {@code own} followed by the default label names. */
    String[] labelNames(String... own) {
        String[] all = new String[own.length + names.length];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(names, 0, all, own.length, names.length);
        return all;
    }

    /** Which of a metric's labels are static (kept in its overflow series): the static default labels. */
    boolean[] staticMask(int ownLabels) {
        boolean[] mask = new boolean[ownLabels + names.length];
        for (int i = ownLabels; i < ownLabels + staticValues.length; i++) {
            mask[i] = true;
        }
        return mask;
    }

    /**
     * The dynamic values for one request, computed once for all the metrics that record it; null
     * when there are none.
     *
     * @param timing   the request's, for a failure the JVM must see
     * @param response null before it exists
     */
    String[] dynamicValues(RequestState timing, ContainerRequestContext request, ContainerResponseContext response) {
        if (dynamic.length == 0) {
            return null;
        }
        String[] values = new String[dynamic.length];
        for (int i = 0; i < values.length; i++) {
            try {
                String value = dynamic[i].value(request, response);
                values[i] = value == null ? "" : UntrustedValues.cut(value, maxValueLength);
            } catch (Throwable e) {
                values[i] = UntrustedValues.failed(e, timing, failureLogged[i], log, failureMessages[i]);
            }
        }
        return values;
    }

    /** {@code own} values, then the static default labels, then {@code dynamicValues} (null: none). */
    String[] values(String[] dynamicValues, String... own) {
        int dynamicCount = dynamicValues == null ? 0 : dynamicValues.length;
        String[] values = new String[own.length + staticValues.length + dynamicCount];
        System.arraycopy(own, 0, values, 0, own.length);
        System.arraycopy(staticValues, 0, values, own.length, staticValues.length);
        if (dynamicCount > 0) {
            System.arraycopy(dynamicValues, 0, values, own.length + staticValues.length, dynamicCount);
        }
        return values;
    }
}
