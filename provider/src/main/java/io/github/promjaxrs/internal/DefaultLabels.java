package io.github.promjaxrs.internal;

import io.github.promjaxrs.LabelValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code defaultLabel}s of a metric that also has labels of its own: a metric's label values
 * are its own (request-derived) ones, then the static default labels, then the dynamic ones.
 * A dynamic value that throws (an {@code Error} included) is recorded as {@code ERROR}, a null one
 * as {@code ""}, and one longer than the cap is cut to it.
 */
final class DefaultLabels {

    private static final Logger LOG = Logger.getLogger(DefaultLabels.class.getName());
    static final String ERROR = "ERROR";

    private final String[] names;
    private final String[] staticValues;
    private final LabelValue[] dynamic;
    private final int maxValueLength;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /** @param labels name to a {@code String} (static) or a {@link LabelValue} (per request), in order */
    DefaultLabels(Map<String, Object> labels, int maxValueLength) {
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
        staticNames.addAll(dynamicNames);
        this.names = staticNames.toArray(String[]::new);
        this.staticValues = staticValues.toArray(String[]::new);
        this.dynamic = dynamicValues.toArray(LabelValue[]::new);
        this.maxValueLength = maxValueLength;
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

    /** {@code own} values followed by the default label values of this request. */
    String[] values(ContainerRequestContext request, ContainerResponseContext response, String... own) {
        String[] values = new String[own.length + names.length];
        System.arraycopy(own, 0, values, 0, own.length);
        System.arraycopy(staticValues, 0, values, own.length, staticValues.length);
        int at = own.length + staticValues.length;
        for (int i = 0; i < dynamic.length; i++) {
            values[at + i] = dynamicValue(dynamic[i], request, response);
        }
        return values;
    }

    private String dynamicValue(LabelValue label, ContainerRequestContext request, ContainerResponseContext response) {
        try {
            String value = label.value(request, response);
            if (value == null) {
                return "";
            }
            return value.length() > maxValueLength ? value.substring(0, maxValueLength) : value;
        } catch (Throwable e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "promjaxrs: defaultLabel failed; recording the value '" + ERROR
                        + "' (logged once)", e);
            }
            return ERROR;
        }
    }
}
