/**
 * The requests Alexa sends to a skill: the {@link io.github.skillmessaging.request.SkillRequest}
 * envelope, the {@link io.github.skillmessaging.request.Request} types (messages, skill events,
 * launch, intent, session end, and {@link io.github.skillmessaging.request.UnknownRequest} for
 * anything else) and the {@link io.github.skillmessaging.request.RequestConverter} that reads
 * them from JSON through a registry of
 * {@link io.github.skillmessaging.request.RequestTypeConverter}s.
 *
 * <p>All values are immutable; no accessor returns {@code null} (optional parts are
 * {@link java.util.Optional}, absent collections are empty); tokens never appear in
 * {@code toString()}. The models are final classes made only by parsing, never records, so that a
 * field Amazon adds can be modelled in a minor release; until then, every model's {@code json()}
 * gives the JSON object it was read from (docs/compatibility.md).
 */
package io.github.skillmessaging.request;
