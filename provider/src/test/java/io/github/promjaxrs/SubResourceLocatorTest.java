package io.github.promjaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.promjaxrs.annotation.Counted;
import io.github.promjaxrs.annotation.Label;
import io.github.promjaxrs.fixture.TestApp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

/**
 * Templates of requests served through sub-resource locators: regex constraints, nesting, one
 * sub-resource class behind two locators, and locators that fail. Runtimes record locator chains
 * in different ways (Jersey in its {@code ExtendedUriInfo}, RESTEasy only in its registry), so
 * each case is here once and runs on every runtime.
 */
class SubResourceLocatorTest {

    private static final String COUNT = "jaxrs_http_request_duration_seconds_count";

    @Path("/catalog")
    public static class CatalogResource {
        @Path("{shelf: [a-z]+}")
        public ShelfResource shelf(@PathParam("shelf") String shelf) {
            return new ShelfResource(shelf);
        }

        @Path("archive/{year: [0-9]{4}}")
        public ShelfResource archive(@PathParam("year") String year) {
            return new ShelfResource("archive " + year);
        }

        @Path("missing")
        public ShelfResource missing() {
            return null;
        }

        @Path("broken")
        public ShelfResource broken() {
            throw new IllegalStateException("the locator itself fails");
        }
    }

    /** Has no {@code @Path}: reached through {@link CatalogResource}'s two locators. */
    public static class ShelfResource {
        private final String shelf;

        ShelfResource(String shelf) {
            this.shelf = shelf;
        }

        @GET
        public String list() {
            return "shelf " + shelf;
        }

        @GET
        @Path("{book}")
        public String book(@PathParam("book") String book) {
            return "book " + book + " on " + shelf;
        }

        @Path("pages")
        public PagesResource pages() {
            return new PagesResource();
        }
    }

    public static class PagesResource {
        @GET
        @Path("{page: [0-9]+}")
        @Counted(name = "page_views", labels = {
            @Label(name = "template", from = Label.Source.TEMPLATE),
            @Label(name = "endpoint", from = Label.Source.ENDPOINT)})
        public String page(@PathParam("page") String page) {
            return "page " + page;
        }
    }

    @Test
    void regexConstraintOfTheLocatorIsStripped() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            assertThat(app.get("/catalog/fiction/dune").body()).isEqualTo("book dune on fiction");
            app.get("/catalog/poetry/odes");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/catalog/{shelf}/{book}\",status=\"200\"} 2");
        }
    }

    @Test
    void subResourceMethodWithoutPathHasTheLocatorsTemplate() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            assertThat(app.get("/catalog/fiction").body()).isEqualTo("shelf fiction");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"/catalog/{shelf}\",status=\"200\"} 1");
        }
    }

    @Test
    void oneSubResourceClassBehindTwoLocatorsKeepsEachLocatorsTemplate() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            app.get("/catalog/fiction/dune");
            assertThat(app.get("/catalog/archive/1999/dune").body()).isEqualTo("book dune on archive 1999");
            app.get("/catalog/archive/2001/emma");

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/catalog/{shelf}/{book}\",status=\"200\"} 1",
                    COUNT + "{method=\"GET\",path=\"/catalog/archive/{year}/{book}\",status=\"200\"} 2");
        }
    }

    @Test
    void nestedLocatorsJoinEveryTemplate() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            assertThat(app.get("/catalog/fiction/pages/12").body()).isEqualTo("page 12");
            app.get("/catalog/archive/1999/pages/3");

            assertThat(app.lines(COUNT)).containsExactlyInAnyOrder(
                    COUNT + "{method=\"GET\",path=\"/catalog/{shelf}/pages/{page}\",status=\"200\"} 1",
                    COUNT + "{method=\"GET\",path=\"/catalog/archive/{year}/pages/{page}\",status=\"200\"} 1");
        }
    }

    @Test
    void templateAndEndpointLabelsSeeTheWholeChain() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            app.get("/catalog/fiction/pages/12");

            assertThat(app.lines("page_views_total")).containsExactly("page_views_total{endpoint=\"PagesResource.page\","
                    + "template=\"/catalog/{shelf}/pages/{page}\"} 1.0");
        }
    }

    @Test
    void groupByEndpointNamesTheSubResourceMethod() {
        try (TestApp app = TestApp.start(b -> b.groupBy(GroupBy.ENDPOINT), CatalogResource.class)) {
            app.get("/catalog/fiction/dune");
            app.get("/catalog/archive/1999/dune");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{endpoint=\"ShelfResource.book\",method=\"GET\",status=\"200\"} 2");
        }
    }

    @Test
    void locatorThatReturnsNullIsAnUnmatched404() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            assertThat(app.get("/catalog/missing").statusCode()).isEqualTo(404);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 1");
        }
    }

    @Test
    void locatorThatThrowsIsAnUnmappedExceptionBeforeAnyMethodMatched() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            assertThat(app.get("/catalog/broken").statusCode()).isEqualTo(500);

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"UNMATCHED\",status=\"500\"} 1");
            assertThat(app.lines("jaxrs_http_request_exceptions_total"))
                    .containsExactly("jaxrs_http_request_exceptions_total{method=\"GET\",status=\"500\"} 1.0");
        }
    }

    @Test
    void regexThatRejectsTheSegmentLeavesTheRequestUnmatched() {
        try (TestApp app = TestApp.start(CatalogResource.class)) {
            assertThat(app.get("/catalog/archive/99/dune").statusCode()).isEqualTo(404);
            app.get("/catalog/fiction/pages/twelve");

            assertThat(app.lines(COUNT))
                    .containsExactly(COUNT + "{method=\"GET\",path=\"UNMATCHED\",status=\"404\"} 2");
        }
    }
}
