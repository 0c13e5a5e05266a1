package io.github.skillmessaging.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What both cold-start mains share: the request, the message, the acknowledgement and the report line. */
final class Fixture {
    /** A {@code Messaging.MessageReceived} request as Alexa sends it (see /work/shared/API.md). */
    static final String REQUEST = "{\"version\":\"1.0\","
            + "\"context\":{\"System\":{"
            + "\"application\":{\"applicationId\":\"amzn1.ask.skill.3f5a1d2c-7b7e-4c1a-9a55-0c6d2b8e4f10\"},"
            + "\"user\":{\"userId\":\"amzn1.ask.account.AEXAMPLEUSERIDAFJ5MNCW6EQ3WQZ3QF6XYK2RHB4Y5ZNNRJLQ7UEA\","
            + "\"accessToken\":\"Atza|IwEBIAccountLinkingTokenForColdStartBenchmark\"},"
            + "\"apiEndpoint\":\"https://api.amazonalexa.com\","
            + "\"apiAccessToken\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5hbWF6b25hbGV4YS5jb20ifQ.c2ln\"}},"
            + "\"request\":{\"type\":\"Messaging.MessageReceived\","
            + "\"requestId\":\"amzn1.echo-api.request.0b8e1c2d-4f6a-4b7c-9d8e-1f2a3b4c5d6e\","
            + "\"timestamp\":\"2026-11-25T10:00:00Z\","
            + "\"message\":{\"listItemId\":\"42\",\"change\":\"created\"}}}";

    static final String USER_ID = "amzn1.ask.account.AEXAMPLEUSERIDAFJ5MNCW6EQ3WQZ3QF6XYK2RHB4Y5ZNNRJLQ7UEA";

    /** The skill message each main sends. */
    static final Map<String, String> DATA = Map.of("listItemId", "42", "change", "created");

    /** The acknowledgement both write: Alexa redelivers a message that is not acknowledged. */
    static final String ACK = "{\"version\":\"1.0\",\"response\":{}}";

    /** Marks the one line the parent reads. */
    static final String MARKER = "COLDSTART";

    private Fixture() {}

    /**
     * Prints the report line: peak RSS of this process and the monotonic timestamps (System.nanoTime,
     * CLOCK_MONOTONIC on Linux, the same clock as the parent's) at which each phase ended.
     */
    static void report(long main, long parsed, long responded, long sent) {
        long rssKb = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    rssKb = Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no RSS figure
        }
        System.out.println(MARKER + " rss_kb=" + rssKb + " main=" + main + " parsed=" + parsed + " responded="
                + responded + " sent=" + sent + " end=" + System.nanoTime());
    }

    /** Fails the run loudly: the parent sees the exit status and the output. */
    static void fail(String what) {
        System.err.println("cold start FAILED: " + what);
        System.exit(1);
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            fail(what);
        }
    }
}
