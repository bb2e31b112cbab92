package io.github.promjaxrs.e2ewar.scanned;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * An empty Application, so the server scans the WAR: it finds the resources and providers in
 * WEB-INF/classes and io.github.promjaxrs.PrometheusMetricsFeature (a @Provider) in WEB-INF/lib.
 */
@ApplicationPath("/api")
public class ScannedApplication extends Application {
}
