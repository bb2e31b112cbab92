package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Jersey lets a sub-resource locator return a {@code Resource} model it builds per request. Such
 * a model, and the locators in it, must not outlive its request because promjaxrs saw it: issue
 * 17 saw every model kept (about 5 KB per request) when another locator followed.
 */
class JerseyPerRequestModelsTest {

    private static final List<WeakReference<Object>> MODELS = new CopyOnWriteArrayList<>();

    @Path("/orders")
    public static class OrdersWithModels {
        /** Returns a model built for this request: {@code {line}} is a locator of its own. */
        @Path("{id}/lines")
        public Object lines() throws NoSuchMethodException {
            return JerseyModels.linesModel(MODELS);
        }
    }

    /** What the model's locator leads to. */
    public static class Line {
        @GET
        public String get(@PathParam("line") String line) {
            return "line " + line;
        }
    }

    /** The locator inside the per-request model. */
    public static class LineLocator {
        public Line locate() {
            return new Line();
        }
    }

    @Test
    void perRequestModelsAreNotKeptAndTheirRequestsHaveTheFullTemplate() throws Exception {
        assumeTrue(TestApp.runtime().name().equals("jersey"), "Resource models are Jersey's");
        try (TestApp app = TestApp.start(OrdersWithModels.class)) {
            for (int i = 0; i < 200; i++) {
                assertThat(app.get("/orders/" + i + "/lines/" + i).body()).isEqualTo("line " + i);
            }

            assertThat(app.lines("jaxrs_http_request_duration_seconds_count")).containsExactly(
                    "jaxrs_http_request_duration_seconds_count{method=\"GET\",path=\"/orders/{id}/lines/{line}\",status=\"200\"} 200");
            assertThat(MODELS).hasSize(200);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (live() > 1 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(20);
            }
            // the last request's model may still be referenced by the server's last connection
            assertThat(live()).as("models still reachable after GC").isLessThanOrEqualTo(1);
        }
    }

    private static long live() {
        return MODELS.stream().filter(reference -> reference.get() != null).count();
    }
}
