package io.github.skillmessaging.examples.sync;

/** Where the example reports what flows where, for the demo's step-by-step trace. */
@FunctionalInterface
public interface Trace {
    /** Prints nothing. */
    Trace NONE = line -> {};

    /** Reports one line, e.g. {@code "[provider → webhook] eggs created"}. */
    void line(String line);
}
