package io.github.promjaxrs.internal.recording;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code method} label: standard methods and those the application declares with
 * {@code @HttpMethod} keep their name; anything a client invents becomes {@code _OTHER}, so it
 * cannot add series (cf. CVE-2022-21698).
 */
public final class MethodNames {

    static final String OTHER = "_OTHER";
    static final String[] STANDARD = {
        "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT", OTHER
    };
    static final int STANDARD_COUNT = STANDARD.length;

    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    /** Adds a method a resource declares; called at start-up. */
    public void declare(String method) {
        if (index(method) < 0) {
            declared.add(method);
        }
    }

    String normalise(String method) {
        int index = index(method);
        if (index >= 0) {
            return STANDARD[index];
        }
        return method != null && declared.contains(method) ? method : OTHER;
    }

    /** The position of a normalised method in {@link #STANDARD}, or -1 for a declared custom one. */
    static int index(String method) {
        if (method == null) {
            return 9;
        }
        switch (method) {
            case "GET": return 0;
            case "HEAD": return 1;
            case "POST": return 2;
            case "PUT": return 3;
            case "DELETE": return 4;
            case "OPTIONS": return 5;
            case "PATCH": return 6;
            case "TRACE": return 7;
            case "CONNECT": return 8;
            case OTHER: return 9;
            default: return -1;
        }
    }
}
