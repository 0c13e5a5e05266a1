package io.github.skillmessaging.request;

import java.util.Objects;

/**
 * The {@code context} of a {@link SkillRequest}. Only its {@code System} part is modelled; other
 * parts (audio player, viewport, …) are ignored.
 *
 * @param system the {@code context.System} object
 */
public record Context(SystemContext system) {
    public Context {
        Objects.requireNonNull(system, "system");
    }
}
