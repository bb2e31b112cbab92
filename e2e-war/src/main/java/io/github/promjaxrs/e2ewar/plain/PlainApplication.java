package io.github.promjaxrs.e2ewar.plain;

import io.github.promjaxrs.e2ewar.Resources;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The same application without promjaxrs: the reference for statuses and bodies. */
@ApplicationPath("/api")
public class PlainApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Resources.classes();
    }
}
