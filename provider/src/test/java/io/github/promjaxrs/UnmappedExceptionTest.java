package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.promjaxrs.fixture.ClientView;
import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.Suspended;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Exceptions no mapper handled that do not come straight out of a synchronous resource method
 * (see {@link RequestOutcomeTest} for those): out of a filter, or delivered later to an
 * asynchronous response. Each is counted once as an exception and the client gets what it
 * would without promjaxrs.
 */
class UnmappedExceptionTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";
    private static final String EXCEPTIONS = "jaxrs_http_request_exceptions_total";

    @Path("/late")
    public static class LateFailures {
        @GET
        @Path("filtered")
        public String filtered() {
            return "the filter fails before this runs";
        }

        @GET
        @Path("resumed")
        public void resumed(@Suspended AsyncResponse response) {
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)
                    .execute(() -> response.resume(new IllegalStateException("failed later")));
        }

        @GET
        @Path("resumed-mapped")
        public void resumedMapped(@Suspended AsyncResponse response) {
            CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)
                    .execute(() -> response.resume(new FailingResource.ConflictException()));
        }

        @GET
        @Path("stage")
        public CompletionStage<String> stage() {
            return CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("the stage failed");
            }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }
    }

    /** A post-matching filter with a bug, on one path. */
    public static class FailingFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getUriInfo().getPath().endsWith("filtered")) {
                throw new IllegalStateException("the filter failed");
            }
        }
    }

    private static TestApp app() {
        return TestApp.start(LateFailures.class, FailingFilter.class, FailingResource.ConflictMapper.class);
    }

    @Test
    void exceptionFromAFilterIsCountedOnce() {
        try (TestApp app = app()) {
            assertThat(app.get("/late/filtered").statusCode()).isEqualTo(500);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/late/filtered\",status=\"500\"} 1");
            assumeFalse(TestApp.runtime().name().equals("resteasy"), "RESTEasy 6.2 answers an exception thrown by a "
                    + "filter with its default exception mapper and tells nobody: the request is recorded with its 500 "
                    + "but not counted in ..._exceptions_total (docs/runtimes.md)");
            assertThat(app.lines(EXCEPTIONS)).containsExactly(EXCEPTIONS + "{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    @Test
    void exceptionFromAFilterGivesTheClientWhatItGetsWithoutPromjaxrs() {
        assertSameResponseWithAndWithout("/late/filtered");
    }

    @Test
    void asyncResponseResumedWithAnUnmappedExceptionIsCountedOnce() {
        try (TestApp app = app()) {
            assertThat(app.get("/late/resumed").statusCode()).isEqualTo(500);

            assertThat(app.linesOnceRecorded(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/late/resumed\",status=\"500\"} 1");
            assertThat(app.linesOnceRecorded(EXCEPTIONS)).containsExactly(EXCEPTIONS + "{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    @Test
    void asyncResponseResumedWithAnUnmappedExceptionGivesTheClientWhatItGetsWithoutPromjaxrs() {
        assertSameResponseWithAndWithout("/late/resumed");
    }

    @Test
    void asyncResponseResumedWithAMappedExceptionIsNotAnException() {
        try (TestApp app = app()) {
            assertThat(app.get("/late/resumed-mapped").statusCode()).isEqualTo(409);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/late/resumed-mapped\",status=\"409\"} 1");
            assertThat(app.lines(EXCEPTIONS)).isEmpty();
        }
    }

    @Test
    void completionStageThatFailsIsCountedOnce() {
        try (TestApp app = app()) {
            assertThat(app.get("/late/stage").statusCode()).isEqualTo(500);

            assertThat(app.linesOnceRecorded(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/late/stage\",status=\"500\"} 1");
            assertThat(app.linesOnceRecorded(EXCEPTIONS)).containsExactly(EXCEPTIONS + "{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    @Test
    void completionStageThatFailsGivesTheClientWhatItGetsWithoutPromjaxrs() {
        assertSameResponseWithAndWithout("/late/stage");
    }

    private static void assertSameResponseWithAndWithout(String path) {
        ClientView with = app().getAndStop(path);
        ClientView without = TestApp.withoutMetrics(LateFailures.class, FailingFilter.class,
                FailingResource.ConflictMapper.class).getAndStop(path);

        assertThat(with).isEqualTo(without);
    }


    @Test
    void aDefaultLabelValueRunsOncePerRequestAndLabelsAllThreeMetricsAlike() {
        AtomicInteger calls = new AtomicInteger();
        try (TestApp app = TestApp.start(b -> b.defaultLabel("call", (req, resp) -> "call-" + calls.incrementAndGet()),
                FailingResource.class)) {
            assertThat(app.get("/fail/unmapped").statusCode()).isEqualTo(500);

            assertThat(app.linesOnceRecorded(EXCEPTIONS)).containsExactly(
                    EXCEPTIONS + "{call=\"call-1\",method=\"GET\",status=\"500\"} 1.0");
            assertThat(app.lines(COUNT)).containsExactly(
                    COUNT + "{call=\"call-1\",method=\"GET\",path=\"/fail/unmapped\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_total")).containsExactly(
                    "jaxrs_http_request_total{call=\"call-1\",method=\"GET\",status=\"500\"} 1.0");
            assertThat(calls).hasValue(1);
        }
    }
}
