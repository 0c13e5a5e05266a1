/**
 * Request verification and ASK skills on a Jakarta Servlet 5+ container ({@code jakarta.servlet}):
 * {@link io.github.skillmessaging.ask.jakarta.AlexaRequestFilter} verifies the exact request bytes
 * and answers HTTP 400 before any servlet runs; {@link io.github.skillmessaging.ask.jakarta.AskSkillServlet}
 * runs an ASK SDK {@code Skill} behind it (ASK's own servlet support is {@code javax} only).
 */
package io.github.skillmessaging.ask.jakarta;
