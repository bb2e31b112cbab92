package io.github.promjaxrs.resteasy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.promjaxrs.PrometheusMetrics;
import io.github.promjaxrs.PrometheusMetricsFeature;
import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.fixture.ClientView;
import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.ItemsResource;
import io.github.promjaxrs.fixture.ResteasyTestRuntime.UndertowServer;
import io.github.promjaxrs.fixture.SystemProperties;
import io.github.promjaxrs.fixture.TestApp;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ways a RESTEasy user registers a provider, each one step with nothing RESTEasy-specific
 * from promjaxrs: every other test registers it from {@code Application.getSingletons()}; these
 * register it in the deployment's provider list and in a provider factory made before the
 * deployment starts, and run with RESTEasy's default exception mapper turned off.
 */
class ResteasyRegistrationTest {

    private final SystemProperties system = new SystemProperties();

    @AfterEach
    void restoreSystemProperties() {
        system.close();
    }

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    @Path("/reports")
    public static class ReportsResource {
        @GET
        @Counted(name = "report_views")
        public String view() {
            return "report";
        }
    }

    /** A deployment of the test resources, with {@code metrics} registered by {@code registration}. */
    private static TestApp deploy(PrometheusRegistry registry, PrometheusMetrics metrics,
                                  BiConsumer<ResteasyDeployment, PrometheusMetrics> registration,
                                  Map<String, String> contextParams) {
        ResteasyDeployment deployment = new ResteasyDeploymentImpl();
        deployment.getActualResourceClasses().add(ItemsResource.class);
        deployment.getActualResourceClasses().add(ReportsResource.class);
        deployment.getActualResourceClasses().add(FailingResource.class);
        deployment.getActualProviderClasses().add(FailingResource.ConflictMapper.class);
        if (metrics != null) {
            registration.accept(deployment, metrics);
        }
        return TestApp.serving(registry, UndertowServer.start(deployment, contextParams));
    }

    private static void assertEverythingWorks(TestApp app) {
        assertThat(app.get("/items/7").body()).isEqualTo("item 7");
        assertThat(app.get("/reports").body()).isEqualTo("report");
        assertThat(app.get("/fail/unmapped").statusCode()).isEqualTo(500);
        assertThat(app.get("/fail/mapped").statusCode()).isEqualTo(409);

        assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1",
                COUNT + "{method=\"GET\",path=\"/reports\",status=\"200\"} 1",
                COUNT + "{method=\"GET\",path=\"/fail/unmapped\",status=\"500\"} 1",
                COUNT + "{method=\"GET\",path=\"/fail/mapped\",status=\"409\"} 1");
        assertThat(app.lines("report_views_total")).containsExactly("report_views_total 1.0");
        assertThat(app.lines("jaxrs_http_request_exceptions_total"))
                .containsExactly("jaxrs_http_request_exceptions_total{method=\"GET\",status=\"500\"} 1.0");
        HttpResponse<String> scrape = app.get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("report_views_total 1.0\n").contains("jaxrs_exporter_info{version=\"");
    }

    @Test
    void registeredInTheDeploymentsProvidersEverythingWorks() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        try (TestApp app = deploy(registry, metrics, (deployment, m) -> deployment.getProviders().add(m), Map.of())) {
            assertEverythingWorks(app);
        }
    }

    @Test
    void registeredWithAProviderFactoryBeforeTheDeploymentStartsEverythingWorks() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        BiConsumer<ResteasyDeployment, PrometheusMetrics> withFactory = (deployment, m) -> {
            ResteasyProviderFactory factory = ResteasyProviderFactory.newInstance();
            factory.register(m); // configured now, with no deployment yet to mount the endpoint in
            deployment.setProviderFactory(factory);
            deployment.start(); // as UndertowJaxrsServer.deploy(Application, String) does: the servlet uses it as it is
        };
        try (TestApp app = deploy(registry, metrics, withFactory, Map.of())) {
            assertEverythingWorks(app);
        }
    }

    /** An application at {@code /api}: RESTEasy maps its servlet to {@code /api/*}. */
    @ApplicationPath("api")
    public static class ApiApplication extends Application {
        private final PrometheusMetrics metrics;

        ApiApplication(PrometheusMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(ItemsResource.class);
        }

        @Override
        public Set<Object> getSingletons() {
            return Set.of(metrics);
        }
    }

    @Test
    void underAnApplicationPathTemplatesAndPathsAreRelativeToTheApplication() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).excludedPaths("^/items$").build();
        try (TestApp app = TestApp.serving(registry, UndertowServer.start(new ApiApplication(metrics), "/"))) {
            assertThat(app.get("/api/items/7").body()).isEqualTo("item 7");
            assertThat(app.get("/api/items").statusCode()).isEqualTo(200); // excluded: the path is /items

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1");
            assertThat(app.get("/api/metrics").body()).contains(COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1\n");
        }
    }

    /** What a web.xml gives RESTEasy to register the feature by class name, with no Application class. */
    private static Map<String, String> webXml(String providers) {
        return Map.of("resteasy.resources", ItemsResource.class.getName(), "resteasy.providers", providers);
    }

    @Test
    void namedInTheResteasyProvidersContextParameterTheFeatureServesTheEndpointAndRecordsRequests() {
        system.set("promjaxrs.defaults_prefix", "resteasy_providers").set("promjaxrs.jvm_metrics", "false");
        try (TestApp app = TestApp.serving(PrometheusRegistry.defaultRegistry,
                UndertowServer.startWebApplication(webXml(PrometheusMetricsFeature.class.getName())))) {
            assertThat(app.get("/items/7").body()).isEqualTo("item 7");

            String count = "resteasy_providers_http_request_duration_seconds_count";
            assertThat(app.lines(count))
                    .containsExactly(count + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1");
            assertThat(app.get("/metrics").body())
                    .contains(count + "{method=\"GET\",path=\"/items/{id}\",status=\"200\"} 1\n");
        }
    }

    @Test
    void anInvalidPropertyFailsTheWebApplicationsStartNamingIt() {
        system.set("promjaxrs.defaults_prefix", "resteasy_invalid").set("promjaxrs.jvm_metrics", "false")
                .set("promjaxrs.group_by", "route");

        Throwable thrown = catchThrowable(() -> UndertowServer.startWebApplication(
                webXml(PrometheusMetricsFeature.class.getName())).close());

        // Undertow wraps it in the servlet's failure to start
        assertThat(thrown).hasStackTraceContaining("promjaxrs.group_by=route (system property): not one of template, path, endpoint");
    }

    private static final Map<String, String> NO_DEFAULT_MAPPER = Map.of("dev.resteasy.exception.mapper", "false");

    @Test
    void withTheDefaultExceptionMapperOffAnUnmappedExceptionIsStillCountedOnce() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        try (TestApp app = deploy(registry, metrics, (d, m) -> d.getProviders().add(m), NO_DEFAULT_MAPPER)) {
            // RESTEasy throws the exception to the servlet container, which answers 500
            assertThat(app.get("/fail/unmapped").statusCode()).isEqualTo(500);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/fail/unmapped\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_exceptions_total"))
                    .containsExactly("jaxrs_http_request_exceptions_total{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    /** A request filter with a bug: it throws for every request that names it. */
    public static class FailingFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getHeaderString("X-Fail") != null) {
                throw new IllegalStateException("the filter failed");
            }
        }
    }

    @Test
    void withTheDefaultExceptionMapperOffAnExceptionFromAFilterIsRecordedOnceWithItsStatus500() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        BiConsumer<ResteasyDeployment, PrometheusMetrics> withFailingFilter = (deployment, m) -> {
            deployment.getProviders().add(m);
            deployment.getActualProviderClasses().add(FailingFilter.class);
        };
        try (TestApp app = deploy(registry, metrics, withFailingFilter, NO_DEFAULT_MAPPER)) {
            // RESTEasy throws it to the servlet container, past every response filter
            assertThat(app.send(HttpRequest.newBuilder(app.uri("/items/7")).header("X-Fail", "yes")).statusCode())
                    .isEqualTo(500);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/items/{id}\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_exceptions_total"))
                    .containsExactly("jaxrs_http_request_exceptions_total{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    @Test
    void withTheDefaultExceptionMapperOffTheClientGetsWhatItGetsWithoutPromjaxrs() {
        PrometheusRegistry registry = new PrometheusRegistry();
        PrometheusMetrics metrics = PrometheusMetrics.builder().registry(registry).build();
        ClientView with = deploy(registry, metrics, (d, m) -> d.getProviders().add(m), NO_DEFAULT_MAPPER)
                .getAndStop("/fail/unmapped");
        ClientView without = deploy(new PrometheusRegistry(), null, null, NO_DEFAULT_MAPPER).getAndStop("/fail/unmapped");

        assertThat(with).isEqualTo(without);
    }

}
