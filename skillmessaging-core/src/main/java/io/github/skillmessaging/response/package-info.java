/**
 * What a skill answers Alexa: {@link io.github.skillmessaging.response.SkillResponse}, enough to
 * acknowledge a message or event and to speak plain text.
 */
package io.github.skillmessaging.response;
