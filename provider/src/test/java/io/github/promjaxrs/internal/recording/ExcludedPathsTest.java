package io.github.promjaxrs.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ExcludedPaths}: the {@code excludedPaths} regexes, matched at the start of a request path. */
class ExcludedPathsTest {

    @Test
    void noRegexesAreNoExclusions() {
        assertThat(ExcludedPaths.of(List.of())).isNull();
    }

    @Test
    void aPlainPrefixMatchesPathsStartingWithIt() {
        ExcludedPaths excluded = ExcludedPaths.of(List.of("^/health"));

        assertThat(excluded.matches("/health")).isTrue();
        assertThat(excluded.matches("/healthz/live")).isTrue();
    }

    @Test
    void aPlainPrefixDoesNotMatchElsewhereInThePath() {
        assertThat(ExcludedPaths.of(List.of("^/health")).matches("/api/health")).isFalse();
    }

    @Test
    void aPlainPrefixWithoutCaretMatchesOnlyAtTheStartToo() {
        ExcludedPaths excluded = ExcludedPaths.of(List.of("/health"));

        assertThat(excluded.matches("/health/live")).isTrue();
        assertThat(excluded.matches("/api/health")).isFalse();
    }

    @Test
    void aPlainPrefixMatchesAPathGivenWithoutItsLeadingSlash() {
        ExcludedPaths excluded = ExcludedPaths.of(List.of("^/health"));

        assertThat(excluded.matches("health/live")).isTrue();
        assertThat(excluded.matches("api/health")).isFalse();
    }

    @Test
    void anEmptyRegexMatchesEveryPath() {
        ExcludedPaths excluded = ExcludedPaths.of(List.of(""));

        assertThat(excluded.matches("/orders")).isTrue();
        assertThat(excluded.matches("orders")).isTrue();
    }

    @Test
    void aRegexMatchesAtTheStartOfThePath() {
        ExcludedPaths excluded = ExcludedPaths.of(List.of("/internal/.*/debug"));

        assertThat(excluded.matches("/internal/a/debug")).isTrue();
        assertThat(excluded.matches("/api/internal/a/debug")).isFalse();
    }

    @Test
    void aRegexMatchesAPathGivenWithoutItsLeadingSlash() {
        assertThat(ExcludedPaths.of(List.of("^/(health|ready)")).matches("ready")).isTrue();
    }

    @Test
    void aRegexNeedNotMatchTheWholePath() {
        assertThat(ExcludedPaths.of(List.of("^/metrics?")).matches("/metrics/extra")).isTrue();
    }

    @Test
    void anyOfSeveralRegexesExcludes() {
        ExcludedPaths excluded = ExcludedPaths.of(List.of("^/health", "^/static/.*\\.css", "/ready"));

        assertThat(excluded.matches("/health")).isTrue();
        assertThat(excluded.matches("/static/site.css")).isTrue();
        assertThat(excluded.matches("/ready")).isTrue();
        assertThat(excluded.matches("/orders")).isFalse();
    }

    @Test
    void aDotIsARegexNotALiteral() {
        assertThat(ExcludedPaths.of(List.of("^/a.c")).matches("/abc")).isTrue();
    }

    @Test
    void anInvalidRegexIsRejectedNamingTheSettingAndTheRegex() {
        assertThatThrownBy(() -> ExcludedPaths.of(List.of("^/ok", "^/(unclosed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("excludedPaths: invalid regular expression '^/(unclosed': ");
    }
}
