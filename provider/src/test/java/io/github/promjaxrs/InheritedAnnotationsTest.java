package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

/** Resource methods that inherit their annotations from an interface (Jakarta REST section 3.6). */
class InheritedAnnotationsTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    /** The contract, annotated once; implementations carry no annotations on their methods. */
    public interface ProductsApi {
        @GET
        @Path("{id: [0-9]+}")
        @Counted(name = "product_views", labels = @Label(name = "id", pathParam = "id"))
        String get(@PathParam("id") String id);
    }

    @Path("/products")
    public static class ProductsResource implements ProductsApi {
        @Override
        public String get(String id) {
            return "product " + id;
        }
    }

    @Test
    void inheritedMethodIsRecordedUnderItsTemplate() {
        try (TestApp app = TestApp.start(ProductsResource.class)) {
            assertThat(app.get("/products/5").body()).isEqualTo("product 5");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/products/{id}\",status=\"200\"} 1");
        }
    }

    @Test
    void metricAnnotationsOnTheInterfaceMethodApply() {
        try (TestApp app = TestApp.start(ProductsResource.class)) {
            app.get("/products/5");

            assertThat(app.lines("product_views_total")).containsExactly("product_views_total{id=\"5\"} 1.0");
        }
    }
}
