package io.github.promjaxrs.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** {@link ResourceTemplate}: {@code @Path} templates joined into the {@code path} label and the route. */
class ResourceTemplateTest {

    @Test
    void joinGivesOneLeadingSlashWhereNoPartHasOne() {
        assertThat(ResourceTemplate.join("orders", "{id}")).isEqualTo("/orders/{id}");
    }

    @Test
    void joinDropsTrailingAndDoubledSlashes() {
        assertThat(ResourceTemplate.join("/orders/", "//{id}//")).isEqualTo("/orders/{id}");
    }

    @Test
    void joinDropsEmptyParts() {
        assertThat(ResourceTemplate.join("", "/orders", "", "items")).isEqualTo("/orders/items");
    }

    @Test
    void joinOfNoPartIsTheRoot() {
        assertThat(ResourceTemplate.join()).isEqualTo("/");
    }

    @Test
    void joinOfSlashesAloneIsTheRoot() {
        assertThat(ResourceTemplate.join("/", "//", "")).isEqualTo("/");
    }

    @Test
    void joinStripsRegexConstraints() {
        assertThat(ResourceTemplate.join("/orders/", "{id: \\d+}")).isEqualTo("/orders/{id}");
    }

    @Test
    void joinStripsWhitespaceInsideAParameter() {
        assertThat(ResourceTemplate.join("/orders/{ id }")).isEqualTo("/orders/{id}");
    }

    @Test
    void joinStripsConstraintsWithNestedBraces() {
        assertThat(ResourceTemplate.join("/orders/{id: [0-9]{1,3}}/lines")).isEqualTo("/orders/{id}/lines");
    }

    @Test
    void joinStripsConstraintsContainingSlashes() {
        assertThat(ResourceTemplate.join("/files/{path: .+/.+}")).isEqualTo("/files/{path}");
    }

    @Test
    void joinKeepsAParameterInsideASegmentInItsSegment() {
        assertThat(ResourceTemplate.join("/orders/v{version: \\d+}.json")).isEqualTo("/orders/v{version}.json");
    }

    @Test
    void joinStartsEachPartInASegmentOfItsOwn() {
        assertThat(ResourceTemplate.join("/orders", "{id}", "lines")).isEqualTo("/orders/{id}/lines");
    }

    @Test
    void routeKeepsRegexConstraintsAsWritten() {
        assertThat(ResourceTemplate.route("/orders/", "{id: \\d+}")).isEqualTo("/orders/{id: \\d+}");
    }

    @Test
    void routeKeepsNestedBracesAndSlashesInsideAConstraint() {
        assertThat(ResourceTemplate.route("files", "{path: [a-z]{2}/.+}")).isEqualTo("/files/{path: [a-z]{2}/.+}");
    }

    @Test
    void routeDropsTrailingAndDoubledSlashesOutsideParameters() {
        assertThat(ResourceTemplate.route("//orders//", "/{id}/")).isEqualTo("/orders/{id}");
    }

    @Test
    void routeOfNoPartIsTheRoot() {
        assertThat(ResourceTemplate.route()).isEqualTo("/");
    }

    @Path("orders/")
    static class Orders {
        @GET
        @Path("{id: \\d+}")
        public String get() {
            return "";
        }

        @GET
        public String list() {
            return "";
        }
    }

    static class NoPath {
        @GET
        public String get() {
            return "";
        }
    }

    @Test
    void ofJoinsTheClassAndMethodPathsAsARoute() throws NoSuchMethodException {
        assertThat(ResourceTemplate.of(Orders.class, Orders.class.getMethod("get"))).isEqualTo("/orders/{id: \\d+}");
    }

    @Test
    void ofAMethodWithoutPathIsItsClassPath() throws NoSuchMethodException {
        assertThat(ResourceTemplate.of(Orders.class, Orders.class.getMethod("list"))).isEqualTo("/orders");
    }

    @Test
    void ofAClassAndMethodWithoutPathIsTheRoot() throws NoSuchMethodException {
        assertThat(ResourceTemplate.of(NoPath.class, NoPath.class.getMethod("get"))).isEqualTo("/");
    }
}
