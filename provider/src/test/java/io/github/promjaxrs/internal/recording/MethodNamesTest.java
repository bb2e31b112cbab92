package io.github.promjaxrs.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MethodNames}: the {@code method} label. */
class MethodNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"})
    void aStandardMethodKeepsItsName(String method) {
        assertThat(new MethodNames().normalise(method)).isEqualTo(method);
    }

    @Test
    void aMethodAClientInventsIsOther() {
        assertThat(new MethodNames().normalise("BREW")).isEqualTo("_OTHER");
    }

    @Test
    void aStandardMethodInLowerCaseIsOther() {
        // methods are case-sensitive (RFC 9110, section 9.1): "get" is not GET
        assertThat(new MethodNames().normalise("get")).isEqualTo("_OTHER");
    }

    @Test
    void noMethodIsOther() {
        assertThat(new MethodNames().normalise(null)).isEqualTo("_OTHER");
    }

    @Test
    void aDeclaredMethodKeepsItsName() {
        MethodNames names = new MethodNames();
        names.declare("PROPFIND");

        assertThat(names.normalise("PROPFIND")).isEqualTo("PROPFIND");
    }

    @Test
    void aMethodDeclaredByAnotherApplicationIsOtherHere() {
        MethodNames declaring = new MethodNames();
        declaring.declare("PROPFIND");

        assertThat(new MethodNames().normalise("PROPFIND")).isEqualTo("_OTHER");
    }

    @Test
    void everyStandardNameIsAtItsIndex() {
        for (int i = 0; i < MethodNames.STANDARD_COUNT; i++) {
            assertThat(MethodNames.index(MethodNames.STANDARD[i])).as(MethodNames.STANDARD[i]).isEqualTo(i);
        }
    }

    @Test
    void aDeclaredMethodHasNoStandardIndex() {
        assertThat(MethodNames.index("PROPFIND")).isEqualTo(-1);
    }
}
