/**
 * Sending skill messages: {@link io.github.skillmessaging.SkillMessaging} (the production client
 * that owns the credentials), and the .NET-style {@link io.github.skillmessaging.AccessTokenClient}
 * and {@link io.github.skillmessaging.SkillMessageClient} for step-by-step use.
 */
package io.github.skillmessaging;
