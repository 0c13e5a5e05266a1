package io.github.skillmessaging.transport.nio;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a {@link NioTransport}: all daemons (they never keep the JVM alive), and none
 * that outlives an interrupt while it waits for work, so that a launcher which interrupts and
 * joins the threads it started ({@code mvn exec:java}, application servers) is not held up.
 */
final class DaemonThreads {
    private DaemonThreads() {}

    static Thread thread(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * A pool that starts a thread when no idle one can take a task and ends threads idle for
     * {@code keepAliveSeconds}, or at once when interrupted while idle (a {@link ThreadPoolExecutor}
     * worker otherwise goes on waiting after an interrupt).
     */
    static ThreadPoolExecutor cachedPool(String name, long keepAliveSeconds) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> thread(name + "-" + count.incrementAndGet(), r);
        return new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, keepAliveSeconds, TimeUnit.SECONDS, new InterruptibleHandOff(), factory);
    }

    /** A {@link SynchronousQueue} whose timed poll (an idle worker waiting) ends the worker on interrupt. */
    private static final class InterruptibleHandOff extends SynchronousQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public Runnable poll(long timeout, TimeUnit unit) {
            try {
                return super.poll(timeout, unit);
            } catch (InterruptedException e) {
                return null; // taken as an idle timeout: the worker ends (the thread's interrupt is used up)
            }
        }
    }
}
