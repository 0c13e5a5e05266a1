package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * A JDK-only, non-blocking HTTP/1.1 transport: one I/O thread drives every connection with a
 * {@link java.nio.channels.Selector}, over plain TCP or TLS ({@link SSLEngine}, host name
 * verified). Connections are kept alive and reused per host, so thousands of requests can be in
 * flight on a handful of threads, at a fraction of the CPU per request of {@code java.net.http}.
 *
 * <pre>{@code
 * NioTransport transport = NioTransport.builder().maxConnectionsPerHost(256).build();
 * // hand it to a client builder: .transport(transport); close it after the client
 * }</pre>
 *
 * <p><b>Where callbacks run.</b> The futures this transport returns complete on its callback
 * executor, never on the I/O thread, so stages chained on them without an executor may block
 * (even on another request of this transport). The answers of one round of the I/O loop go to
 * the executor as one task; if a callback blocks, the rest of that task is taken over by another
 * within about 40 ms. By default that executor is a pool of daemon threads that grows while
 * callbacks block and shrinks when they are idle; set your own with
 * {@link Builder#callbackExecutor(Executor)}.
 *
 * <p><b>Limits.</b> HTTP/1.1 only: no HTTP/2, no redirects, no compression, and no proxies: a
 * request for which the JVM's {@link ProxySelector} chooses a proxy fails with
 * {@link TransportException} before anything is sent (use the default {@code java.net.http}
 * transport behind a proxy). A request that finds its reused connection closed by the server
 * before any byte of the answer is sent again once on a new connection when its method is
 * idempotent ({@code GET}, {@code PUT}, {@code DELETE}, {@code HEAD}); a {@code POST} fails with
 * {@link TransportException} instead, so that a message is never sent twice by the transport.
 *
 * <p><b>Failures and lifecycle.</b> Every thread it starts is a daemon: an unclosed transport
 * never keeps the JVM alive. Should the I/O thread stop on an unexpected error (an
 * {@link OutOfMemoryError}, a bug), every request it carried fails with
 * {@link TransportException} and the next request starts a new I/O thread. Interrupting the I/O
 * thread closes the transport (a launcher such as {@code mvn exec:java} interrupts the threads
 * it started when the program ends).
 */
public final class NioTransport implements HttpTransport {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    final int maxConnectionsPerHost;
    final Duration connectTimeout;
    final Duration idleTimeout;
    final long maxResponseBytes;
    private volatile SSLContext sslContext;
    final Executor callbacks;
    private final ExecutorService ownCallbackPool; // null when the user gave an executor
    private final ExecutorService lookups;
    private final Resolver resolver;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger loopsStarted = new AtomicInteger();
    private final String name;
    private volatile IoLoop loop;

    private NioTransport(Builder builder) {
        this.maxConnectionsPerHost = builder.maxConnectionsPerHost;
        this.connectTimeout = builder.connectTimeout;
        this.idleTimeout = builder.idleTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.sslContext = builder.sslContext;
        this.resolver = builder.resolver;
        this.name = "skillmessaging-nio-" + INSTANCES.incrementAndGet();
        // one thread per name lookup under way (one per host, see IoLoop.open), gone when unused
        this.lookups = DaemonThreads.cachedPool(name + "-dns", 30);
        if (builder.callbackExecutor != null) {
            this.callbacks = builder.callbackExecutor;
            this.ownCallbackPool = null;
        } else {
            this.ownCallbackPool = DaemonThreads.cachedPool(name + "-callback", 30);
            this.callbacks = ownCallbackPool;
        }
        this.loop = newLoop();
    }

    /** A transport with the defaults of {@link Builder}. */
    public static NioTransport create() {
        return builder().build();
    }

    /** A builder for a transport with your limits, {@link SSLContext} or callback executor. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        Exchange exchange;
        try {
            exchange = new Exchange(
                    request,
                    Route.of(request.uri()),
                    Http1Codec.encode(request),
                    System.nanoTime() + nanos(request.timeout()));
        } catch (ProtocolException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                    new TransportException(request + " could not be sent: " + e.getMessage(), e));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new TransportException(request + " could not be sent: the transport is closed", null));
        }
        IoLoop current;
        try {
            current = loop();
        } catch (RuntimeException | OutOfMemoryError e) { // no new I/O loop: no selector or no thread
            return CompletableFuture.failedFuture(new TransportException(request + " could not be sent: " + e, e));
        }
        current.submit(exchange);
        return exchange.future;
    }

    /**
     * Stops taking requests; the requests already sent finish (or time out), then the I/O thread
     * closes every connection and ends, and so do the threads of the default callback executor
     * once they have completed the last futures.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            IoLoop current = loop;
            current.wakeup();
            if (current.isStopped()) {
                releaseThreads();
            }
        }
    }

    /** Shows the name of the I/O thread and the limits, nothing of requests. */
    @Override
    public String toString() {
        return "NioTransport[" + name + ", maxConnectionsPerHost=" + maxConnectionsPerHost + "]";
    }

    // ---------------------------------------------------------------- for the I/O loop

    boolean isClosed() {
        return closed.get();
    }

    /** The I/O loop; a new one when the last one stopped on an error and the transport is open. */
    private IoLoop loop() {
        IoLoop current = loop;
        if (!current.isStopped() || closed.get()) {
            return current; // a stopped loop fails the request with the reason it stopped
        }
        synchronized (loopsStarted) {
            if (loop == current && !closed.get()) {
                loop = newLoop();
            }
            return loop;
        }
    }

    private IoLoop newLoop() {
        int n = loopsStarted.incrementAndGet();
        IoLoop created = new IoLoop(this, n == 1 ? name : name + "-restart-" + (n - 1));
        try {
            created.start();
        } catch (RuntimeException | OutOfMemoryError e) { // "unable to create native thread"
            created.closeSelector();
            throw e;
        }
        return created;
    }

    /** The I/O thread was interrupted: the transport closes, as whoever interrupted it asked. */
    void closeAfterInterrupt() {
        closed.set(true);
    }

    /** The loop's thread is ending; after the last one, the pools go too. */
    void loopEnded(IoLoop ended) {
        if (closed.get()) {
            releaseThreads();
        }
    }

    private void releaseThreads() {
        lookups.shutdown();
        if (ownCallbackPool != null) {
            ownCallbackPool.shutdown(); // completions already handed over still run
        }
    }

    /**
     * Off the I/O thread: checks that no proxy is configured for {@code uri}, makes sure the TLS
     * context is loaded (the JDK's default loads the trust store), and looks the host up;
     * {@code result} gets the addresses or the error.
     */
    void lookUp(Route route, URI uri, IoLoop.LookupResult result) {
        try {
            lookups.execute(() -> {
                InetAddress[] addresses;
                try {
                    refuseProxy(uri);
                    if (route.tls()) {
                        sslContext();
                    }
                    addresses = resolver.resolve(route.host());
                } catch (Exception | LinkageError e) {
                    result.done(null, e);
                    return;
                }
                result.done(addresses, null);
            });
        } catch (RejectedExecutionException e) {
            result.done(null, new IllegalStateException("the transport is closed", e));
        }
    }

    private static void refuseProxy(URI uri) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return;
        }
        List<Proxy> proxies = selector.select(uri);
        if (proxies != null
                && !proxies.isEmpty()
                && proxies.get(0) != null
                && proxies.get(0).type() != Proxy.Type.DIRECT) {
            throw new ProxyConfiguredException("the JVM's ProxySelector chose the proxy " + proxies.get(0)
                    + " for it, and NioTransport does not support proxies; use the default java.net.http "
                    + "transport, which does");
        }
    }

    /** The failure of a connection whose lookup failed with {@code error}. */
    static RuntimeException lookupFailure(String what, Route route, Throwable error) {
        if (error instanceof ProxyConfiguredException) {
            return new TransportException(what + " could not be sent: " + error.getMessage(), null);
        }
        if (error instanceof UnknownHostException) {
            // a ConnectException, as java.net.http reports it: nothing was sent, so a retry is safe
            ConnectException never = new ConnectException("unknown host " + route.host());
            never.initCause(error);
            return new TransportException(what + " failed: unknown host " + route.host(), never);
        }
        return new TransportException(what + " failed: " + error, error);
    }

    /** The TLS context: the builder's, or the JDK's default, created on the first {@code https} request. */
    SSLContext sslContext() {
        SSLContext context = sslContext;
        if (context == null) {
            synchronized (this) {
                if (sslContext == null) {
                    try {
                        sslContext = SSLContext.getDefault();
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("the JDK has no default TLS context", e);
                    }
                }
                context = sslContext;
            }
        }
        return context;
    }

    /**
     * For tests: runs {@code task} on the I/O thread as if it were the transport's own work (an
     * error it throws stops the I/O thread as a bug would).
     */
    void runOnIoThread(Runnable task) {
        loop().execute(task);
    }

    /** For tests: the current I/O thread. */
    Thread ioThread() {
        return loop.thread();
    }

    /** In nanoseconds, or Long.MAX_VALUE (292 years) for longer: a deadline that never comes. */
    static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Looks a host name up: {@link InetAddress#getAllByName} but in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws Exception;
    }

    /** A proxy is configured for the target; never leaves this class but as a message. */
    private static final class ProxyConfiguredException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProxyConfiguredException(String message) {
            super(message, null, false, false);
        }
    }

    /** Limits, TLS settings and callback executor of a {@link NioTransport}. */
    public static final class Builder {
        private int maxConnectionsPerHost = 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(50);
        private long maxResponseBytes = 16L * 1024 * 1024;
        private SSLContext sslContext;
        private Executor callbackExecutor;
        private Resolver resolver = InetAddress::getAllByName;

        private Builder() {}

        /** Connections kept open to one host at most (1024); more requests wait for a free one. */
        public Builder maxConnectionsPerHost(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
            }
            this.maxConnectionsPerHost = max;
            return this;
        }

        /**
         * The limit for opening a connection (10 s): the name lookup and the attempts on each
         * address of the host, which share it equally; the TLS handshake is excluded.
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long an unused connection stays open (50 s, under common server limits of 60 s). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** The largest response body accepted (16 MiB); larger ones fail the request. */
        public Builder maxResponseBytes(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxResponseBytes must not be negative");
            }
            this.maxResponseBytes = max;
            return this;
        }

        /** The TLS context for {@code https} (the JDK's default context, trusting its CA store). */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        /**
         * Where the futures complete, and so where stages chained without an executor run. The
         * default is a pool of daemon threads owned by the transport: it grows while callbacks
         * block, ends threads idle for 30 s, and ends with the transport. An executor of yours is
         * never shut down by the transport, and must run every task it accepts (one that refuses
         * a task gets it run on the I/O thread instead). {@code Runnable::run} completes on the
         * I/O thread itself: cheapest, but then a callback that blocks stalls every connection.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor");
            return this;
        }

        /** For tests: how host names are looked up ({@link InetAddress#getAllByName}). */
        Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Starts the I/O thread; close the transport to stop it. */
        public NioTransport build() {
            return new NioTransport(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
