package io.github.promjaxrs.internal.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;

/** {@link ScrapeQuery#problem}: a scrape's query string checked before client_java's handler acts on it. */
class ScrapeQueryTest {

    @Test
    void noQueryStringIsServed() {
        assertThat(ScrapeQuery.problem(query(null))).isNull();
    }

    @Test
    void namesToSelectAreServed() {
        assertThat(ScrapeQuery.problem(query("name[]=orders_total&name[]=jaxrs_http_request_total"))).isNull();
    }

    @Test
    void everyKnownDebugFormatIsServed() {
        assertThat(ScrapeQuery.problem(query("debug=openmetrics"))).isNull();
        assertThat(ScrapeQuery.problem(query("debug=text"))).isNull();
        assertThat(ScrapeQuery.problem(query("debug=prometheus-protobuf"))).isNull();
    }

    @Test
    void anUnknownDebugFormatIsAProblem() {
        assertThat(ScrapeQuery.problem(query("debug=yaml")))
                .isEqualTo("Unknown debug format; use debug=openmetrics, debug=text or debug=prometheus-protobuf\n");
    }

    @Test
    void parametersOtherThanDebugAndNameAreIgnored() {
        assertThat(ScrapeQuery.problem(query("format=whatever&x"))).isNull();
    }

    @Test
    void tooManyParametersAreAProblemInClientJavasWords() {
        String query = "x=1" + "&x=1".repeat(1024);

        assertThat(ScrapeQuery.problem(query(query)))
                .startsWith("Invalid query string: ").endsWith("\n").doesNotContain("x=1");
    }

    @Test
    void invalidPercentEncodingInANameIsAProblemThatDoesNotEchoTheQuery() {
        String problem = ScrapeQuery.problem(query("name[]=%zz<script>"));

        assertThat(problem).startsWith("Invalid query string: ").endsWith("\n").doesNotContain("<script>");
        assertThat(problem.indexOf('\n')).isEqualTo(problem.length() - 1);
    }

    /** A GET of {@code /metrics} with {@code queryString}; parameters are parsed by client_java's own defaults. */
    private static PrometheusHttpRequest query(String queryString) {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return queryString;
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return Collections.emptyEnumeration();
            }

            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public String getRequestPath() {
                return "/metrics";
            }
        };
    }
}
