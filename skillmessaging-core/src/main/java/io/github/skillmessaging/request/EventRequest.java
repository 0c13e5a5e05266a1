package io.github.skillmessaging.request;

import java.time.Instant;
import java.util.Optional;

/**
 * An out-of-session event (skill events here, household list events in the lists module). Alexa
 * redelivers unacknowledged events for up to an hour, keeping the original timestamps.
 */
public interface EventRequest extends Request {
    /** {@code request.eventCreationTime}: when the event happened, when sent. */
    Optional<Instant> eventCreationTime();

    /** {@code request.eventPublishingTime}: when Alexa published it, when sent. */
    Optional<Instant> eventPublishingTime();
}
