package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The I/O thread of a {@link NioTransport} and everything only it touches: the selector, the
 * connections per route, the requests waiting for one, the name lookups under way. It never runs
 * a caller's code (futures complete on the callback executor, see {@link Exchange}).
 *
 * <p>When it stops, on close, on an interrupt, or on any {@link Throwable} (an
 * {@link OutOfMemoryError}, a bug), it fails every request it carries and every request that
 * reaches it later: no future is left incomplete. The transport then starts a new loop for later
 * requests, unless it is closed.
 */
final class IoLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    private static final long SWEEP_NANOS = 20_000_000L;

    final NioTransport transport;
    final Selector selector;
    private final Thread thread;
    private final Completions completions;
    private final ConcurrentLinkedQueue<Exchange> incoming = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile String stopReason = "the transport is closed";
    private volatile Throwable stopCause;

    // Touched on the I/O thread only.
    private final Map<Route, Host> hosts = new HashMap<>();
    private final Set<Connection> connections = new HashSet<>();
    private final Map<Route, Lookup> lookups = new HashMap<>();
    final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    ByteBuffer tlsAppBuffer = ByteBuffer.allocate(32 * 1024);
    private int waiting;
    private boolean shuttingDown;

    IoLoop(NioTransport transport, String threadName) {
        this.transport = transport;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a selector", e);
        }
        this.thread = DaemonThreads.thread(threadName, this);
        this.completions = new Completions(transport.callbacks, thread);
    }

    void start() {
        thread.start();
    }

    void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the selector failed", e);
        }
    }

    boolean isStopped() {
        return stopped;
    }

    Thread thread() {
        return thread;
    }

    /** Hands a new request to the I/O thread; fails it at once when this loop has stopped. */
    void submit(Exchange exchange) {
        exchange.completions = completions;
        incoming.add(exchange);
        wakeup();
        if (stopped) {
            failIncoming(); // the I/O thread has ended (or is ending): fail what it will never see
        }
    }

    /** Runs {@code task} on the I/O thread; dropped when the loop has stopped. */
    void execute(Runnable task) {
        tasks.add(task);
        wakeup();
    }

    /** Wakes the I/O thread up from {@code select}, once per round; nothing once the loop has stopped. */
    void wakeup() {
        if (!stopped && Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    // ---------------------------------------------------------------- on the I/O thread

    @Override
    public void run() {
        Throwable failure = null;
        boolean interrupted = false;
        try {
            long nextSweep = System.nanoTime() + SWEEP_NANOS;
            while (true) {
                if (Thread.interrupted()) {
                    interrupted = true; // a launcher ending its threads, or a stray interrupt: stop now
                    break;
                }
                takeIncoming();
                runTasks();
                if (transport.isClosed()
                        && connectionsBusy() == 0
                        && waiting == 0
                        && incoming.isEmpty()
                        && tasks.isEmpty()) {
                    break;
                }
                long now = System.nanoTime();
                long waitMillis = Math.max(1, (nextSweep - now) / 1_000_000L);
                completions.flush(); // what this round decided, before select may wait
                wakeupPending.set(false);
                if (tasks.isEmpty() && incoming.isEmpty()) {
                    selector.select(waitMillis);
                } else {
                    selector.selectNow();
                }
                Set<SelectionKey> ready = selector.selectedKeys();
                for (Iterator<SelectionKey> it = ready.iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid()) {
                        ((Connection) key.attachment()).ready();
                    }
                }
                now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            }
        } catch (Throwable t) { // Error included: whatever ends this thread must fail what it carries
            failure = t;
        } finally {
            if (interrupted) {
                stopReason = "the I/O thread " + thread.getName() + " was interrupted, which closed the transport";
                transport.closeAfterInterrupt();
            } else if (failure != null) {
                stopReason = "the I/O thread " + thread.getName() + " stopped on " + failure
                        + "; the transport starts a new one for later requests";
                stopCause = failure;
                logQuietly(failure);
            }
            shutdown();
            if (interrupted) {
                Thread.currentThread().interrupt(); // the flag stays for whoever looks after the thread ends
            }
        }
    }

    private void logQuietly(Throwable failure) {
        try {
            LOG.log(System.Logger.Level.ERROR, stopReason, failure);
        } catch (Throwable ignored) { // out of memory while logging: failing the requests matters more
        }
    }

    private void takeIncoming() {
        for (Exchange e = incoming.poll(); e != null; e = incoming.poll()) {
            dispatch(e, false);
        }
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    private int connectionsBusy() {
        int busy = 0;
        for (Connection c : connections) {
            if (c.exchange != null) {
                busy++;
            }
        }
        return busy;
    }

    /** The failure of a request this loop can no longer carry. */
    RuntimeException stopped(Exchange e) {
        return new TransportException(e.request + " failed: " + stopReason, stopCause);
    }

    private void failIncoming() {
        for (Exchange e = incoming.poll(); e != null; e = incoming.poll()) {
            e.fail(stopped(e));
        }
    }

    private void shutdown() {
        shuttingDown = true;
        try {
            for (Host host : hosts.values()) {
                for (Exchange e = host.queue.poll(); e != null; e = host.queue.poll()) {
                    e.fail(stopped(e));
                }
            }
            waiting = 0;
            for (Connection c : new ArrayList<>(connections)) {
                Exchange e = c.exchange;
                c.abort(e == null ? null : stopped(e));
            }
        } finally {
            stopped = true;
            failIncoming(); // requests that arrived while stopping
            tasks.clear();
            completions.flush();
            closeSelector();
            transport.loopEnded(this);
        }
    }

    /**
     * Gives {@code exchange} a connection: an idle one, a new one, or a place in its host's queue.
     * A {@code resent} exchange (its reused connection turned out closed) never takes an idle
     * connection, which the server may have closed as well: it gets a new one, or waits first in
     * the queue for one that has just answered.
     */
    void dispatch(Exchange exchange, boolean resent) {
        if (exchange.isDone()) {
            return; // cancelled by the caller before it got a connection
        }
        if (shuttingDown) {
            exchange.fail(stopped(exchange));
            return;
        }
        Host host = hosts.computeIfAbsent(exchange.route, r -> new Host());
        Connection idle = resent ? null : host.idle.pollLast();
        if (idle != null) {
            idle.start(exchange);
        } else if (host.open < transport.maxConnectionsPerHost) {
            open(exchange, host);
        } else {
            if (resent) {
                host.queue.addFirst(exchange);
            } else {
                host.queue.addLast(exchange);
            }
            waiting++;
        }
    }

    /**
     * A new connection for {@code first}: its name is looked up first, by one lookup per route
     * shared by every connection that needs it while it is younger than the connect timeout.
     */
    private void open(Exchange first, Host host) {
        if (shuttingDown) { // a connection closed by shutdown() must not open another for a waiting request
            first.fail(stopped(first));
            return;
        }
        host.open++;
        Connection connection = new Connection(this, first.route, host);
        connection.exchange = first;
        connections.add(connection);
        long now = System.nanoTime();
        connection.connectDeadline = now + NioTransport.nanos(transport.connectTimeout);
        Lookup lookup = lookups.get(first.route);
        if (lookup == null || now - lookup.started - NioTransport.nanos(transport.connectTimeout) >= 0) {
            lookup = new Lookup(first.route, now);
            lookups.put(first.route, lookup);
            Lookup started = lookup;
            transport.lookUp(
                    first.route,
                    first.request.uri(),
                    (addresses, error) -> execute(() -> lookedUp(started, addresses, error)));
        }
        lookup.waiting.add(connection);
    }

    private void lookedUp(Lookup lookup, InetAddress[] addresses, Throwable error) {
        lookups.remove(lookup.route, lookup);
        for (Connection c : lookup.waiting) {
            if (c.closed) {
                continue; // timed out or cancelled while the name was looked up
            }
            if (error != null) {
                c.fail(NioTransport.lookupFailure(c.exchangeName(), lookup.route, error));
            } else {
                c.connect(addresses);
            }
        }
    }

    /** A connection is free again: it takes the next waiting exchange of its host, or waits idle. */
    void release(Connection connection) {
        Host host = connection.host;
        Exchange next = nextWaiting(host);
        if (next != null) {
            connection.start(next);
        } else {
            connection.idleSince = System.nanoTime();
            host.idle.addLast(connection);
        }
    }

    /** A connection is gone: a waiting exchange of its host gets a new one. */
    void forget(Connection connection) {
        if (connections.remove(connection)) {
            Host host = connection.host;
            host.open--;
            host.idle.remove(connection);
            Exchange next = nextWaiting(host);
            if (next != null) {
                open(next, host);
            }
        }
    }

    private Exchange nextWaiting(Host host) {
        for (Exchange next = host.queue.poll(); next != null; next = host.queue.poll()) {
            waiting--;
            if (!next.isDone()) {
                return next;
            }
        }
        return null;
    }

    private void sweep(long now) {
        completions.sweep();
        for (Connection c : new ArrayList<>(connections)) {
            Exchange e = c.exchange;
            if (e != null && e.isCancelled()) {
                c.close();
            } else if (e != null && now - e.deadline >= 0) {
                c.fail(new ApiTimeoutException(
                        e.request + " got no answer within " + e.request.timeout(),
                        e.request.timeout(),
                        true,
                        new HttpTimeoutException("request timed out")));
            } else if (!c.connected && now - c.connectDeadline >= 0) {
                String what = c.resolving() ? "could not resolve " + c.route.host() : "could not connect";
                c.fail(new ApiTimeoutException(
                        c.exchangeName() + " " + what + " within " + transport.connectTimeout,
                        e == null ? transport.connectTimeout : e.request.timeout(),
                        true,
                        new HttpConnectTimeoutException(what + ": timed out after " + transport.connectTimeout)));
            } else if (!c.connected) {
                c.connectAttemptTimedOut(now);
            } else if (e == null && now - c.idleSince - NioTransport.nanos(transport.idleTimeout) >= 0) {
                c.close();
            }
        }
        if (waiting > 0) {
            for (Host host : hosts.values()) {
                for (Iterator<Exchange> it = host.queue.iterator(); it.hasNext(); ) {
                    Exchange e = it.next();
                    if (e.isDone() || now - e.deadline >= 0) {
                        it.remove();
                        waiting--;
                        e.fail(new ApiTimeoutException(
                                e.request + " got no connection within " + e.request.timeout(),
                                e.request.timeout(),
                                true,
                                new HttpTimeoutException("request timed out waiting for a connection")));
                    }
                }
            }
        }
    }

    /** Connections of one route: the idle ones, how many are open, the exchanges waiting for one. */
    static final class Host {
        final ArrayDeque<Connection> idle = new ArrayDeque<>();
        final ArrayDeque<Exchange> queue = new ArrayDeque<>();
        int open;
    }

    /** A name lookup under way and the new connections waiting for it. */
    private static final class Lookup {
        final Route route;
        final long started;
        final List<Connection> waiting = new ArrayList<>();

        Lookup(Route route, long started) {
            this.route = route;
            this.started = started;
        }
    }

    /** What a name lookup hands back: the addresses, or why there are none. */
    interface LookupResult {
        void done(InetAddress[] addresses, Throwable error);
    }
}
