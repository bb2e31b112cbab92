package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.promjaxrs.fixture.AsyncResource;
import io.github.promjaxrs.fixture.ClientView;
import io.github.promjaxrs.fixture.FailingResource;
import io.github.promjaxrs.fixture.TestApp;
import org.junit.jupiter.api.Test;

/** How each way a request can end is recorded: status, exceptions, and the time until the answer. */
class RequestOutcomeTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";
    private static final String BUCKET = "jaxrs_http_request_duration_seconds_bucket";
    private static final String EXCEPTIONS = "jaxrs_http_request_exceptions_total";

    private static TestApp failingApp() {
        return TestApp.start(FailingResource.class, FailingResource.ConflictMapper.class);
    }

    @Test
    void mappedExceptionIsRecordedWithTheMappedStatusAndNotAsAnException() {
        try (TestApp app = failingApp()) {
            assertThat(app.get("/fail/mapped").statusCode()).isEqualTo(409);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/fail/mapped\",status=\"409\"} 1");
            assertThat(app.lines(EXCEPTIONS)).isEmpty();
        }
    }

    @Test
    void webApplicationExceptionIsRecordedWithItsStatusAndNotAsAnException() {
        try (TestApp app = failingApp()) {
            assertThat(app.get("/fail/teapot").statusCode()).isEqualTo(418);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/fail/teapot\",status=\"418\"} 1");
            assertThat(app.lines(EXCEPTIONS)).isEmpty();
        }
    }

    @Test
    void anEntityNoWriterCanWriteIsRecordedWithTheStatusTheClientGets() {
        try (TestApp app = failingApp()) {
            int status = app.get("/fail/unwritable").statusCode();

            assertThat(status).isEqualTo(500);
            assumeFalse(TestApp.runtime().name().equals("resteasy"), "RESTEasy 6.2 runs the response filters before "
                    + "it looks for a MessageBodyWriter and has no hook after it: the request is recorded with the "
                    + "status the filters saw, 200 (docs/runtimes.md)");
            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/fail/unwritable\",status=\"500\"} 1");
        }
    }

    @Test
    void unmappedExceptionIsCountedOnceAsAnException() {
        try (TestApp app = failingApp()) {
            app.get("/fail/unmapped");

            assertThat(app.lines(EXCEPTIONS))
                    .containsExactly(EXCEPTIONS + "{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    @Test
    void unmappedExceptionIsRecordedInTotalAndLatencyWithStatus500() {
        try (TestApp app = failingApp()) {
            assertThat(app.get("/fail/unmapped").statusCode()).isEqualTo(500);

            assertThat(app.lines("jaxrs_http_request_total"))
                    .containsExactly("jaxrs_http_request_total{method=\"GET\",status=\"500\"} 1.0");
            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/fail/unmapped\",status=\"500\"} 1");
        }
    }

    @Test
    void unmappedExceptionGivesTheClientExactlyWhatItGetsWithoutPromjaxrs() {
        ClientView with = failingApp().getAndStop("/fail/unmapped");
        ClientView without = TestApp.withoutMetrics(FailingResource.class, FailingResource.ConflictMapper.class)
                .getAndStop("/fail/unmapped");

        assertThat(with).isEqualTo(without);
    }

    @Test
    void mappedExceptionGivesTheClientExactlyWhatItGetsWithoutPromjaxrs() {
        ClientView with = failingApp().getAndStop("/fail/mapped");
        ClientView without = TestApp.withoutMetrics(FailingResource.class, FailingResource.ConflictMapper.class)
                .getAndStop("/fail/mapped");

        assertThat(with).isEqualTo(without);
        assertThat(with.status()).isEqualTo(409);
    }

    @Test
    void asyncResponseIsTimedUntilResumed() {
        try (TestApp app = TestApp.start(AsyncResource.class)) {
            assertThat(app.get("/async/suspended").body()).isEqualTo("late");

            // the resource method returns at once; the answer comes DELAY_MILLIS (300 ms) later
            assertThat(app.lines(BUCKET)).contains(
                    BUCKET + "{method=\"GET\",path=\"/async/suspended\",status=\"200\",le=\"0.25\"} 0",
                    BUCKET + "{method=\"GET\",path=\"/async/suspended\",status=\"200\",le=\"+Inf\"} 1");
        }
    }

    @Test
    void completionStageIsTimedUntilComplete() {
        try (TestApp app = TestApp.start(AsyncResource.class)) {
            assertThat(app.get("/async/stage").body()).isEqualTo("late");

            assertThat(app.lines(BUCKET)).contains(
                    BUCKET + "{method=\"GET\",path=\"/async/stage\",status=\"200\",le=\"0.25\"} 0",
                    BUCKET + "{method=\"GET\",path=\"/async/stage\",status=\"200\",le=\"+Inf\"} 1");
        }
    }
}
