package io.github.promjaxrs.e2ewar;

import java.util.Set;

/** The application's classes, the same in both WARs. */
public final class Resources {

    private Resources() {
    }

    public static Set<Class<?>> classes() {
        return Set.of(ItemsResource.class, ErrorsResource.class, AsyncResource.class, ConflictMapper.class);
    }
}
