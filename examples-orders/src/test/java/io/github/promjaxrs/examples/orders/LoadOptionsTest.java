package io.github.promjaxrs.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void defaultsAreBounded() {
        LoadOptions options = LoadOptions.parse();
        assertThat(options.requests()).isEqualTo(2000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.target()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
        assertThat(options.flood()).isFalse();
        assertThat(LoadOptions.parse("--flood", "--requests", "5").flood()).isTrue();
    }

    @Test
    void targetsOnlyThisMachine() {
        assertThat(LoadOptions.parse("--target", "http://localhost:9000").target().getPort()).isEqualTo(9000);
        assertThat(LoadOptions.parse("--target", "http://127.0.0.2:9000/").target().getHost()).isEqualTo("127.0.0.2");
        assertThat(LoadOptions.parse("--target", "http://[::1]:9000").target().getHost()).isEqualTo("[::1]");
        for (String target : new String[] {"http://10.0.0.1:8080", "http://192.168.1.2", "http://example.com",
                "http://127.0.0.1.example.com", "http://[2001:db8::1]:8080", "https://127.0.0.1", "127.0.0.1:8080"}) {
            assertThatThrownBy(() -> LoadOptions.parse("--target", target))
                    .as(target).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--target:");
        }
    }

    @Test
    void capsRequestsAndSeconds() {
        assertThatThrownBy(() -> LoadOptions.parse("--requests", "100001")).hasMessageStartingWith("--requests:");
        assertThatThrownBy(() -> LoadOptions.parse("--seconds", "0")).hasMessageStartingWith("--seconds:");
        assertThatThrownBy(() -> LoadOptions.parse("--seconds")).hasMessage("--seconds: missing value");
        assertThatThrownBy(() -> LoadOptions.parse("--rps", "5")).hasMessage("unknown option --rps");
    }
}
