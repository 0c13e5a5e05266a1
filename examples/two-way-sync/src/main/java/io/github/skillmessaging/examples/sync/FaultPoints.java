package io.github.skillmessaging.examples.sync;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only places where an instance can be made to stop, so that a crash test can kill it at an
 * exact moment: {@link #OUTBOX_CLAIMED} (a row claimed, its message not sent yet),
 * {@link #OUTBOX_SENT} (the message sent, the row not marked yet) and {@link #RECONCILE} (inside a
 * reconcile, after its first write, with the user's row locked). Nothing is armed in production:
 * {@link #reached} is then one set lookup.
 *
 * <p>An armed point, when reached, disarms itself, prints {@code FAULT-POINT <name>} on standard
 * output and blocks the thread for good; the test sees the line and kills the process.
 */
public final class FaultPoints {
    public static final String OUTBOX_CLAIMED = "outbox-claimed";
    public static final String OUTBOX_SENT = "outbox-sent";
    public static final String RECONCILE = "reconcile";

    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

    private FaultPoints() {}

    /** The next thread to reach {@code point} stops there. */
    public static void arm(String point) {
        ARMED.add(point);
    }

    /** Disarms every point. */
    public static void disarmAll() {
        ARMED.clear();
    }

    /** Called by the code at {@code point}: returns at once unless the point is armed. */
    public static void reached(String point) {
        if (ARMED.isEmpty() || !ARMED.remove(point)) {
            return;
        }
        System.out.println("FAULT-POINT " + point);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // keep holding: only the process's death ends this
            }
        }
    }
}
