package io.github.skillmessaging.internal;

import io.github.skillmessaging.error.SkillMessagingException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lets {@link ApiCaller} set what {@link SkillMessagingException} only shows: its public API stays
 * read-only. {@link SkillMessagingException}'s static initializer hands in the setter.
 */
public final class ExceptionAccess {
    private static volatile Consumer<SkillMessagingException> deliveryMarker;

    private ExceptionAccess() {}

    /** Called once, by {@link SkillMessagingException}'s static initializer; later calls are ignored. */
    public static synchronized void setDeliveryMarker(Consumer<SkillMessagingException> marker) {
        if (deliveryMarker == null) {
            deliveryMarker = Objects.requireNonNull(marker, "marker");
        }
    }

    /** Makes {@link SkillMessagingException#mayHaveBeenDelivered()} of {@code e} answer true. */
    public static void markMayHaveBeenDelivered(SkillMessagingException e) {
        // e exists, so its class is initialized and the marker is set.
        deliveryMarker.accept(e);
    }
}
