package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.error.SkillMessagingException;
import io.github.skillmessaging.error.TransportException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ApiCallerWrapTest {
    @Test
    void wrappingAFailureWhoseCauseMayHaveBeenDeliveredKeepsThatOutcome() {
        TransportException reset = new TransportException("reset", new IOException("Connection reset"));
        ExceptionAccess.markMayHaveBeenDelivered(reset);
        SkillMessagingException wrapped = ApiCaller.wrap(new IllegalStateException("closed", reset), "update list");
        assertThat(wrapped.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(wrapped.mayHaveBeenDelivered()).isTrue();
    }

    @Test
    void wrappingAnythingElseIsNotDelivered() {
        assertThat(ApiCaller.wrap(new IllegalStateException("closed"), "update list")
                        .mayHaveBeenDelivered())
                .isFalse();
        TransportException refused = new TransportException("refused", new IOException("refused"));
        assertThat(ApiCaller.wrap(refused, "update list")).isSameAs(refused);
        assertThat(refused.mayHaveBeenDelivered()).isFalse();
    }
}
