/**
 * A local Alexa for tests and demos: {@link io.github.skillmessaging.testkit.AlexaSandbox} runs
 * Login-With-Amazon, the Skill Messaging API and the List Management API on loopback ports, and
 * {@link io.github.skillmessaging.testkit.SandboxUser} acts as an Alexa user whose actions reach a
 * skill as signed requests.
 */
package io.github.skillmessaging.testkit;
