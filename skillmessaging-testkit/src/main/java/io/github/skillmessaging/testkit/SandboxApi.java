package io.github.skillmessaging.testkit;

/** The sandbox's APIs, for fault injection ({@link Faults}). */
public enum SandboxApi {
    /** Login-With-Amazon's token endpoint. */
    TOKEN,
    /** The Skill Messaging API. */
    MESSAGING,
    /** The List Management API. */
    LISTS
}
