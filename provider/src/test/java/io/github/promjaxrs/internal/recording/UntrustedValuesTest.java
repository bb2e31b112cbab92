package io.github.promjaxrs.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link UntrustedValues#cut}: label values a request decides, bounded in length. */
class UntrustedValuesTest {

    @Test
    void aValueNoLongerThanTheLimitIsKeptAsItIs() {
        String value = "abc";

        assertThat(UntrustedValues.cut(value, 3)).isSameAs(value);
    }

    @Test
    void aLongerValueKeepsItsFirstCharacters() {
        assertThat(UntrustedValues.cut("abcdef", 4)).isEqualTo("abcd");
    }

    @Test
    void nullStaysNull() {
        assertThat(UntrustedValues.cut(null, 4)).isNull();
    }

    @Test
    void aCutThatWouldSplitASurrogatePairKeepsOneCharacterFewer() {
        String value = "abc\uD83D\uDE00def"; // abc😀def: the emoji is chars 3 and 4

        assertThat(UntrustedValues.cut(value, 4)).isEqualTo("abc");
    }

    @Test
    void aCutAfterAWholeSurrogatePairKeepsIt() {
        assertThat(UntrustedValues.cut("abc\uD83D\uDE00def", 5)).isEqualTo("abc\uD83D\uDE00");
    }

    @Test
    void aValueEndingInASurrogatePairWithinTheLimitIsKept() {
        assertThat(UntrustedValues.cut("ab\uD83D\uDE00", 4)).isEqualTo("ab\uD83D\uDE00");
    }
}
