package io.github.skillmessaging.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox turns on TCP_NODELAY for the JDK HTTP server, unless the JVM chose already. */
class HttpNoDelayTest {
    private static final String KEY = "sun.net.httpserver.nodelay";
    private final String before = System.getProperty(KEY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KEY);
        } else {
            System.setProperty(KEY, before);
        }
    }

    @Test
    void setsNoDelayWhenUnset() {
        System.clearProperty(KEY);
        Http.preferNoDelay();
        assertThat(System.getProperty(KEY)).isEqualTo("true");
    }

    @Test
    void keepsTheJvmsOwnChoice() {
        System.setProperty(KEY, "false");
        Http.preferNoDelay();
        assertThat(System.getProperty(KEY)).isEqualTo("false");
    }
}
