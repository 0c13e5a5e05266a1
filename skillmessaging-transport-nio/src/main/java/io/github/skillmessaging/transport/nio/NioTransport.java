package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A JDK-only, non-blocking HTTP/1.1 transport: one I/O thread drives every connection with a
 * {@link Selector}, over plain TCP or TLS ({@link SSLEngine}, host name verified). Connections
 * are kept alive and reused per host, so thousands of requests can be in flight on a handful of
 * threads, at a fraction of the CPU per request of {@code java.net.http}.
 *
 * <p><b>Callbacks run on the I/O thread.</b> The futures this transport returns complete on its
 * I/O thread, and so do the stages you chain on them without an executor. Do not block in such
 * a stage: chain with {@code thenApplyAsync(fn, yourExecutor)} when your code blocks. The SDK's
 * own blocking methods detect the I/O thread and fail fast instead of deadlocking.
 *
 * <p>Limits: HTTP/1.1 only (no HTTP/2, no proxies, no redirects, no compression). A request that
 * finds its reused connection closed by the server before any byte of the answer is sent again
 * once on a new connection when its method is idempotent ({@code GET}, {@code PUT},
 * {@code DELETE}, {@code HEAD}); a {@code POST} fails with {@link TransportException} instead,
 * so that a message is never sent twice by the transport.
 */
public final class NioTransport implements HttpTransport {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final ThreadLocal<Boolean> IO_THREAD = new ThreadLocal<>();
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final long SWEEP_NANOS = 20_000_000L;

    private final int maxConnectionsPerHost;
    private final Duration connectTimeout;
    private final Duration idleTimeout;
    private final long maxResponseBytes;
    private volatile SSLContext sslContext;
    private final Selector selector;
    private final Thread ioThread;
    private final ExecutorService resolver;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopped;
    private final String name;

    // Touched on the I/O thread only.
    private final Map<Route, Host> hosts = new HashMap<>();
    private final Set<Connection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private ByteBuffer tlsAppBuffer = ByteBuffer.allocate(32 * 1024);
    private int waiting;
    private boolean shuttingDown;

    private NioTransport(Builder builder) {
        this.maxConnectionsPerHost = builder.maxConnectionsPerHost;
        this.connectTimeout = builder.connectTimeout;
        this.idleTimeout = builder.idleTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.sslContext = builder.sslContext;
        this.name = "skillmessaging-nio-" + INSTANCES.incrementAndGet();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a selector", e);
        }
        // two lookup threads at most, gone when unused: a burst of new connections must not start a thread each
        ThreadPoolExecutor lookups = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-dns");
            t.setDaemon(true);
            return t;
        });
        lookups.allowCoreThreadTimeOut(true);
        this.resolver = lookups;
        this.ioThread = new Thread(this::loop, name);
        ioThread.setDaemon(true);
        ioThread.start();
    }

    /** A transport with the defaults of {@link Builder}. */
    public static NioTransport create() {
        return builder().build();
    }

    /** A builder for a transport with your limits or your {@link SSLContext}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the calling thread is the I/O thread of a {@code NioTransport}, where blocking
     * would stall every connection of that transport.
     */
    public static boolean onIoThread() {
        return IO_THREAD.get() != null;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        Exchange exchange;
        try {
            exchange = new Exchange(request, Route.of(request.uri()), Http1Codec.encode(request),
                    System.nanoTime() + nanos(request.timeout()));
        } catch (ProtocolException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new TransportException(request + " could not be sent: "
                    + e.getMessage(), e));
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(new TransportException(request
                    + " could not be sent: the transport is closed", null));
        }
        execute(() -> dispatch(exchange));
        if (stopped) {
            runTasks(); // the I/O thread has ended: fail what it will never see
        }
        return exchange.future;
    }

    /**
     * Stops taking requests; the requests already sent finish (or time out), then the I/O thread
     * closes every connection and ends.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            execute(() -> { });
        }
    }

    /** Shows the name of the I/O thread and the limits, nothing of requests. */
    @Override
    public String toString() {
        return "NioTransport[" + name + ", maxConnectionsPerHost=" + maxConnectionsPerHost + "]";
    }

    private void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != ioThread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    // ---------------------------------------------------------------- the I/O thread

    private void loop() {
        IO_THREAD.set(Boolean.TRUE);
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        try {
            while (true) {
                runTasks();
                if (closed.get() && connectionsBusy() == 0 && waiting == 0 && tasks.isEmpty()) {
                    break;
                }
                long now = System.nanoTime();
                long waitMillis = Math.max(1, (nextSweep - now) / 1_000_000L);
                wakeupPending.set(false);
                if (tasks.isEmpty()) {
                    selector.select(waitMillis);
                } else {
                    selector.selectNow();
                }
                Set<SelectionKey> ready = selector.selectedKeys();
                for (Iterator<SelectionKey> it = ready.iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Connection connection = (Connection) key.attachment();
                    if (key.isValid()) {
                        connection.ready();
                    }
                }
                now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, name + " stopped: " + e, e);
            closed.set(true);
        } finally {
            shutdown();
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

    private void shutdown() {
        shuttingDown = true;
        TransportException closedError = new TransportException("the transport is closed", null);
        for (Connection c : new ArrayList<>(connections)) {
            c.fail(closedError);
        }
        for (Host host : hosts.values()) {
            for (Exchange e = host.queue.poll(); e != null; e = host.queue.poll()) {
                e.future.completeExceptionally(new TransportException(e.request + " could not be sent: "
                        + "the transport is closed", null));
            }
        }
        stopped = true;
        runTasks(); // requests that arrived while closing: dispatch fails them
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the selector failed", e);
        }
        resolver.shutdown();
    }

    private void dispatch(Exchange exchange) {
        dispatch(exchange, false);
    }

    /**
     * Gives {@code exchange} a connection: an idle one, a new one, or a place in its host's queue.
     * A {@code resent} exchange (its reused connection turned out closed) never takes an idle
     * connection, which the server may have closed as well: it gets a new one, as the class doc
     * says, or waits first in the queue for one that has just answered.
     */
    private void dispatch(Exchange exchange, boolean resent) {
        if (exchange.future.isDone()) {
            return; // cancelled by the caller before it got a connection
        }
        if (stopped) {
            exchange.future.completeExceptionally(new TransportException(exchange.request
                    + " could not be sent: the transport is closed", null));
            return;
        }
        Host host = hosts.computeIfAbsent(exchange.route, r -> new Host());
        Connection idle = resent ? null : host.idle.pollLast();
        if (idle != null) {
            idle.start(exchange);
        } else if (host.open < maxConnectionsPerHost) {
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

    private void open(Exchange first, Host host) {
        if (shuttingDown) { // a connection closed by shutdown() must not open another for a waiting request
            first.future.completeExceptionally(new TransportException(first.request
                    + " could not be sent: the transport is closed", null));
            return;
        }
        host.open++;
        Route route = first.route;
        Connection connection = new Connection(route, host);
        connection.exchange = first;
        connections.add(connection);
        connection.connectDeadline = System.nanoTime() + nanos(connectTimeout);
        try {
            resolver.execute(() -> {
                try {
                    if (route.tls()) {
                        sslContext(); // off the I/O thread: the JDK's default context loads the trust store
                    }
                    InetAddress address = InetAddress.getByName(route.host());
                    execute(() -> connection.connect(new InetSocketAddress(address, route.port())));
                } catch (UnknownHostException e) {
                    // a ConnectException, as java.net.http reports it: nothing was sent, so a retry is safe
                    java.net.ConnectException never = new java.net.ConnectException("unknown host " + route.host());
                    never.initCause(e);
                    execute(() -> connection.fail(new TransportException(connection.exchangeName()
                            + " failed: unknown host " + route.host(), never)));
                } catch (RuntimeException e) {
                    execute(() -> connection.fail(new TransportException(connection.exchangeName() + " failed: " + e, e)));
                }
            });
        } catch (RejectedExecutionException e) {
            connection.fail(new TransportException(first.request + " could not be sent: the transport is closed", e));
        }
    }

    /** A connection is free again: it takes the next waiting exchange of its host, or waits idle. */
    private void release(Connection connection) {
        Host host = connection.host;
        Exchange next = host.queue.poll();
        while (next != null && next.future.isDone()) {
            waiting--;
            next = host.queue.poll();
        }
        if (next != null) {
            waiting--;
            connection.start(next);
        } else {
            connection.idleSince = System.nanoTime();
            host.idle.addLast(connection);
        }
    }

    /** A connection is gone: a waiting exchange of its host gets a new one. */
    private void forget(Connection connection) {
        if (connections.remove(connection)) {
            Host host = connection.host;
            host.open--;
            host.idle.remove(connection);
            Exchange next = host.queue.poll();
            while (next != null && next.future.isDone()) {
                waiting--;
                next = host.queue.poll();
            }
            if (next != null) {
                waiting--;
                open(next, host);
            }
        }
    }

    private void sweep(long now) {
        for (Connection c : new ArrayList<>(connections)) {
            Exchange e = c.exchange;
            if (e != null && e.future.isCancelled()) {
                c.close();
            } else if (e != null && now - e.deadline >= 0) {
                c.fail(new ApiTimeoutException(e.request + " got no answer within " + e.request.timeout(),
                        e.request.timeout(), true, new HttpTimeoutException("request timed out")));
            } else if (!c.connected && now - c.connectDeadline >= 0) {
                c.fail(new ApiTimeoutException(c.exchangeName() + " could not connect within " + connectTimeout,
                        e == null ? connectTimeout : e.request.timeout(), true,
                        new HttpConnectTimeoutException("connect timed out after " + connectTimeout)));
            } else if (e == null && c.connected && now - c.idleSince - nanos(idleTimeout) >= 0) {
                c.close();
            }
        }
        if (waiting > 0) {
            for (Host host : hosts.values()) {
                for (Iterator<Exchange> it = host.queue.iterator(); it.hasNext(); ) {
                    Exchange e = it.next();
                    if (e.future.isDone() || now - e.deadline >= 0) {
                        it.remove();
                        waiting--;
                        e.future.completeExceptionally(new ApiTimeoutException(e.request + " got no connection within "
                                + e.request.timeout(), e.request.timeout(), true,
                                new HttpTimeoutException("request timed out waiting for a connection")));
                    }
                }
            }
        }
    }

    /** The TLS context: the builder's, or the JDK's default, created on the first {@code https} request. */
    private SSLContext sslContext() {
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

    /** Scheme, host and port: connections are reused within one route. */
    private record Route(boolean tls, String host, int port) {
        static Route of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("only http and https URIs are supported");
            }
            String host = uri.getHost();
            if (host == null) {
                throw new IllegalArgumentException("the URI has no host");
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            boolean tls = scheme.equals("https");
            return new Route(tls, host, uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort());
        }
    }

    /** Connections of one route: the idle ones, how many are open, the exchanges waiting for one. */
    private static final class Host {
        final ArrayDeque<Connection> idle = new ArrayDeque<>();
        final ArrayDeque<Exchange> queue = new ArrayDeque<>();
        int open;
    }

    /** One request and its answer. */
    private final class Exchange {
        final Request request;
        final Route route;
        final byte[] bytes;
        final long deadline;
        final CompletableFuture<Response> future = new CompletableFuture<>();
        Http1Codec.ResponseParser parser;
        boolean resent;

        Exchange(Request request, Route route, byte[] bytes, long deadline) {
            this.request = request;
            this.route = route;
            this.bytes = bytes;
            this.deadline = deadline;
        }

        Http1Codec.ResponseParser newParser() {
            parser = new Http1Codec.ResponseParser(request.method().equals("HEAD"), 64 * 1024, maxResponseBytes);
            return parser;
        }
    }

    /** One TCP (and maybe TLS) connection, driven by the I/O thread. */
    private final class Connection {
        final Route route;
        final Host host;
        SocketChannel channel;
        SelectionKey key;
        SSLEngine engine;
        ByteBuffer netIn;
        ByteBuffer netOut;
        ByteBuffer out;
        Exchange exchange;
        boolean connected;
        boolean used;
        boolean reused;
        boolean closed;
        boolean answered;
        long connectDeadline;
        long idleSince;

        Connection(Route route, Host host) {
            this.route = route;
            this.host = host;
        }

        String exchangeName() {
            return exchange == null ? route.host() + ":" + route.port() : exchange.request.toString();
        }

        void connect(InetSocketAddress address) {
            if (closed) {
                return;
            }
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                if (route.tls()) {
                    engine = newEngine();
                    netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                    netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                }
                boolean done = channel.connect(address);
                key = channel.register(selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
                if (done) {
                    onConnected();
                }
            } catch (IOException | RuntimeException e) {
                fail(failure(e));
            }
        }

        private SSLEngine newEngine() {
            SSLEngine e = sslContext().createSSLEngine(route.host(), route.port());
            e.setUseClientMode(true);
            SSLParameters parameters = e.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            if (!route.host().contains(":") && !route.host().matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(route.host())));
            }
            e.setSSLParameters(parameters);
            return e;
        }

        private void onConnected() throws IOException {
            connected = true;
            if (engine != null) {
                engine.beginHandshake();
            }
            if (exchange != null) {
                start(exchange);
            } else {
                release(this);
            }
        }

        void start(Exchange next) {
            exchange = next;
            reused = used;
            used = true;
            next.newParser();
            out = ByteBuffer.wrap(next.bytes);
            if (connected) {
                tasks.add(this::pump); // not inline: this may run inside this connection's own read loop
            }
        }

        void ready() {
            try {
                if (!connected) {
                    if (!channel.finishConnect()) {
                        return;
                    }
                    key.interestOps(SelectionKey.OP_READ);
                    onConnected();
                    return;
                }
                pump();
            } catch (IOException | RuntimeException e) {
                fail(failure(e));
            }
        }

        /** Writes what can be written, reads what has arrived, and sets the interest ops. */
        void pump() {
            if (closed) {
                return;
            }
            try {
                boolean moreToWrite = engine == null ? writePlain() : writeTls();
                if (!closed) {
                    if (engine == null) {
                        readPlain();
                    } else {
                        readTls();
                    }
                }
                if (!closed) {
                    if (engine != null && exchange != null && !moreToWrite) {
                        moreToWrite = writeTls(); // the handshake may have finished while reading
                    }
                    key.interestOps(SelectionKey.OP_READ | (moreToWrite ? SelectionKey.OP_WRITE : 0));
                }
                if (answered && !closed) {
                    // only now: a byte read after the answer (in the same read) has closed the connection
                    answered = false;
                    release(this);
                }
            } catch (IOException | RuntimeException e) {
                fail(failure(e));
            }
        }

        private boolean writePlain() throws IOException {
            if (out != null && out.hasRemaining()) {
                channel.write(out);
                return out.hasRemaining();
            }
            return false;
        }

        private void readPlain() throws IOException {
            while (!closed) {
                readBuffer.clear();
                int n = channel.read(readBuffer);
                if (n < 0) {
                    endOfStream();
                    return;
                }
                if (n == 0) {
                    return;
                }
                readBuffer.flip();
                onData(readBuffer);
            }
        }

        /** Returns true when encrypted bytes wait for the socket to accept them. */
        private boolean writeTls() throws IOException {
            while (true) {
                if (!flush()) {
                    return true;
                }
                SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
                if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runDelegatedTasks();
                } else if (status == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    wrap(EMPTY);
                } else if (status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                        && out != null && out.hasRemaining()) {
                    wrap(out);
                } else {
                    return false;
                }
            }
        }

        private void wrap(ByteBuffer source) throws IOException {
            SSLEngineResult result = engine.wrap(source, netOut);
            switch (result.getStatus()) {
                case BUFFER_OVERFLOW -> netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                case CLOSED -> {
                    // wrapping close_notify ends with CLOSED too: only data that can no longer go out is an error
                    if (source.hasRemaining()) {
                        throw new SSLException("TLS connection closed while writing");
                    }
                }
                default -> { }
            }
        }

        /** Writes pending encrypted bytes; true when none are left. */
        private boolean flush() throws IOException {
            if (netOut.position() == 0) {
                return true;
            }
            netOut.flip();
            channel.write(netOut);
            netOut.compact();
            return netOut.position() == 0;
        }

        private void readTls() throws IOException {
            while (!closed) {
                int n = channel.read(netIn);
                boolean eof = n < 0;
                netIn.flip();
                boolean progress = true;
                while (progress && netIn.hasRemaining() && !closed) {
                    tlsAppBuffer.clear();
                    SSLEngineResult result = engine.unwrap(netIn, tlsAppBuffer);
                    progress = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
                    switch (result.getStatus()) {
                        case BUFFER_OVERFLOW -> {
                            tlsAppBuffer = ByteBuffer.allocate(Math.max(tlsAppBuffer.capacity() * 2,
                                    engine.getSession().getApplicationBufferSize()));
                            progress = true;
                        }
                        case BUFFER_UNDERFLOW -> progress = false;
                        case CLOSED -> {
                            eof = true;
                            progress = false;
                        }
                        default -> { }
                    }
                    if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                        runDelegatedTasks();
                    }
                    if (result.bytesProduced() > 0) {
                        tlsAppBuffer.flip();
                        onData(tlsAppBuffer);
                    }
                    SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                    if (!closed && hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        writeTls();
                    }
                }
                netIn.compact();
                if (!netIn.hasRemaining()) {
                    netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                }
                if (closed) {
                    return;
                }
                if (eof) {
                    endOfStream();
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        }

        private void runDelegatedTasks() {
            for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                task.run();
            }
        }

        private void onData(ByteBuffer data) throws IOException {
            Exchange current = exchange;
            if (current == null) {
                close(); // bytes nobody asked for: the connection cannot be trusted any more
                return;
            }
            if (current.parser.feed(data)) {
                finish(current, current.parser.keepAlive() && !data.hasRemaining());
            }
        }

        private void endOfStream() throws IOException {
            Exchange current = exchange;
            if (current != null && current.parser != null && current.parser.started()) {
                try {
                    current.parser.endOfStream();
                    finish(current, false);
                    return;
                } catch (EOFException e) {
                    fail(new TransportException(current.request + " failed: " + e.getMessage(), e));
                    return;
                }
            }
            if (current != null) {
                fail(new TransportException(current.request + " failed: connection closed before any response",
                        new EOFException("connection closed before any response")));
            } else {
                close();
            }
        }

        private void finish(Exchange done, boolean keepAlive) {
            // an answer that came before the whole request was written: the server still reads its body
            boolean requestWritten = out == null || !out.hasRemaining();
            exchange = null;
            out = null;
            Response response = done.parser.response();
            done.parser = null;
            if (keepAlive && requestWritten && !closed) {
                answered = true; // released by pump once nothing more has been read
            } else {
                close();
            }
            done.future.complete(response);
        }

        /** Fails the exchange on this connection (or sends it again, see the class doc) and closes. */
        void fail(RuntimeException error) {
            Exchange current = exchange;
            exchange = null;
            close();
            if (current == null) {
                return;
            }
            boolean beforeAnswer = current.parser == null || !current.parser.started();
            if (reused && beforeAnswer && !current.resent && error instanceof TransportException
                    && IDEMPOTENT.contains(current.request.method()) && !NioTransport.this.closed.get()) {
                current.resent = true;
                dispatch(current, true);
                return;
            }
            current.future.completeExceptionally(error);
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (engine != null && connected) {
                try {
                    engine.closeOutbound();
                    wrap(EMPTY);
                    flush();
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.TRACE, "close_notify not sent", e);
                }
            }
            if (key != null) {
                key.cancel();
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.TRACE, "closing a channel failed", e);
                }
            }
            Exchange current = exchange;
            exchange = null;
            forget(this);
            if (current != null) {
                current.future.completeExceptionally(new TransportException(current.request
                        + " failed: the connection was closed", null));
            }
        }

        private RuntimeException failure(Exception e) {
            if (e instanceof TransportException te) {
                return te;
            }
            if (e instanceof ApiTimeoutException ate) {
                return ate;
            }
            return new TransportException(exchangeName() + " failed: " + e, e);
        }
    }

    /** In nanoseconds, or Long.MAX_VALUE (292 years) for longer: a deadline that never comes. */
    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    /** Limits and TLS settings of a {@link NioTransport}. */
    public static final class Builder {
        private int maxConnectionsPerHost = 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(50);
        private long maxResponseBytes = 16L * 1024 * 1024;
        private SSLContext sslContext;

        private Builder() {
        }

        /** Connections kept open to one host at most (1024); more requests wait for a free one. */
        public Builder maxConnectionsPerHost(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1");
            }
            this.maxConnectionsPerHost = max;
            return this;
        }

        /** The limit for opening a connection, TLS handshake excluded (10 s). */
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
