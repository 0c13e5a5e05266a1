/**
 * The SDK's exceptions, all unchecked and rooted in
 * {@link io.github.skillmessaging.error.SkillMessagingException}.
 */
package io.github.skillmessaging.error;
