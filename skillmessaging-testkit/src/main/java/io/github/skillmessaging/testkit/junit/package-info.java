/** JUnit 5 support for the sandbox: {@link io.github.skillmessaging.testkit.junit.AlexaSandboxExtension}. */
package io.github.skillmessaging.testkit.junit;
