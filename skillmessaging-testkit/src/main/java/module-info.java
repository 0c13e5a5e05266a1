/**
 * skillmessaging-testkit: a local Alexa (Login-With-Amazon, Skill Messaging, List Management, signed
 * skill requests) for tests and demos, and a JUnit 5 extension.
 */
module io.github.skillmessaging.testkit {
    requires transitive io.github.skillmessaging.core;
    requires jdk.httpserver;
    requires static org.junit.jupiter.api; // optional: only for AlexaSandboxExtension

    exports io.github.skillmessaging.testkit;
    exports io.github.skillmessaging.testkit.junit;
}
