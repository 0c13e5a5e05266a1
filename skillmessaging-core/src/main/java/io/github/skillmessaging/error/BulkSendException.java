package io.github.skillmessaging.error;

import io.github.skillmessaging.BulkSummary;
import java.util.Objects;

/**
 * A bulk send stopped before its source was exhausted: the result consumer or the source threw,
 * the client was closed, or the waiting thread was interrupted (the cause says which). Every
 * recipient taken from the source before it stopped got its one result; {@link #summary()} counts
 * them, so {@code summary().total()} recipients were taken and the rest were not.
 */
public class BulkSendException extends SkillMessagingException {
    private static final long serialVersionUID = 1L;

    private final BulkSummary summary;

    public BulkSendException(BulkSummary summary, Throwable cause) {
        super(
                "The bulk send stopped after "
                        + Objects.requireNonNull(summary, "summary").total() + " recipients, each with its result ("
                        + summary + "): " + cause,
                cause);
        this.summary = summary;
    }

    /** What was done before the bulk send stopped. */
    public BulkSummary summary() {
        return summary;
    }
}
