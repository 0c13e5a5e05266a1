/**
 * Adapters for skills built on the ASK SDK for Java 2.x: this SDK's List Management client and
 * typed requests from ASK's {@code HandlerInput} or {@code RequestEnvelope}.
 *
 * <p>The ASK SDK ({@code ask-sdk-core}) is a {@code provided} dependency: the skill brings its own.
 * Request verification for ASK's {@code SkillServlet} is in
 * {@link io.github.skillmessaging.ask.servlet}; for Jakarta Servlet containers in
 * {@link io.github.skillmessaging.ask.jakarta}.
 */
package io.github.skillmessaging.ask;
