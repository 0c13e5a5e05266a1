package io.github.skillmessaging.benchmarks;

/**
 * The benchmarks' loopback LWA + Skill Messaging stand-in ({@link StubServer}), opened to the
 * benchmarks' sub-packages (the cold-start runner), which cannot see the package-private class.
 */
public final class LoopbackStub implements AutoCloseable {
    private final StubServer server = new StubServer(0);

    /** Starts the stub on an ephemeral loopback port. */
    public LoopbackStub() {}

    /** {@code http://127.0.0.1:<port>}: the base URL of both LWA and Skill Messaging. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Token requests answered so far. */
    public int tokenRequests() {
        return server.tokenRequests();
    }

    /** Skill messages answered so far. */
    public int messages() {
        return server.messages();
    }

    @Override
    public void close() {
        server.close();
    }
}
