package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.error.ApiTimeoutException;
import io.github.skillmessaging.error.TransportException;
import io.github.skillmessaging.http.HttpTransport.Response;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One TCP (and maybe TLS) connection of an {@link IoLoop}, driven by its I/O thread only: it
 * tries the addresses of its host in turn, then writes requests and parses their answers one at
 * a time, and is kept alive between them when the server allows.
 */
final class Connection {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final IoLoop loop;
    final Route route;
    final IoLoop.Host host;
    private SocketChannel channel;
    private SelectionKey key;
    private SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer out;
    Exchange exchange;
    boolean connected;
    private boolean used;
    private boolean reused;
    boolean closed;
    private boolean answered;
    long connectDeadline;
    long idleSince;
    private InetAddress[] addresses;
    private int attempt = -1;
    private long attemptDeadline;
    private IOException attemptFailures;

    Connection(IoLoop loop, Route route, IoLoop.Host host) {
        this.loop = loop;
        this.route = route;
        this.host = host;
    }

    String exchangeName() {
        return exchange == null ? route.toString() : exchange.request.toString();
    }

    /** Whether the name of the host is still being looked up. */
    boolean resolving() {
        return addresses == null;
    }

    /** Connects to the first of {@code resolved} that answers, each within its share of the connect timeout. */
    void connect(InetAddress[] resolved) {
        if (closed) {
            return;
        }
        if (resolved == null || resolved.length == 0) {
            fail(new TransportException(exchangeName() + " failed: no address for " + route.host(), null));
            return;
        }
        addresses = resolved.clone();
        try {
            if (route.tls()) {
                engine = newEngine();
                netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            }
        } catch (RuntimeException e) {
            fail(failure(e));
            return;
        }
        tryNextAddress(null);
    }

    /**
     * Gives up the address being tried (when {@code failed} says why) and tries the next one,
     * with an equal share of what is left of the connect timeout; fails with the last cause when
     * none is left.
     */
    private void tryNextAddress(IOException failed) {
        while (true) {
            if (failed != null) {
                if (attemptFailures == null) {
                    attemptFailures = failed;
                } else if (attemptFailures != failed) {
                    failed.addSuppressed(attemptFailures); // the last cause on top, the earlier ones with it
                    attemptFailures = failed;
                }
                closeChannel();
            }
            attempt++;
            if (attempt >= addresses.length) {
                fail(new TransportException(exchangeName() + " failed: " + attemptFailures, attemptFailures));
                return;
            }
            long now = System.nanoTime();
            attemptDeadline = now + (connectDeadline - now) / (addresses.length - attempt);
            InetSocketAddress address = new InetSocketAddress(addresses[attempt], route.port());
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                boolean done = channel.connect(address);
                key = channel.register(loop.selector, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
                if (done) {
                    onConnected();
                }
                return;
            } catch (IOException e) { // refused or unreachable at once: the next address
                failed = e;
            } catch (RuntimeException e) {
                fail(failure(e));
                return;
            }
        }
    }

    /** From the sweep: the address being tried has used up its share of the connect timeout. */
    void connectAttemptTimedOut(long now) {
        if (!closed && channel != null && !connected && now - attemptDeadline >= 0) {
            tryNextAddress(new SocketTimeoutException(
                    "connect to " + addresses[attempt].getHostAddress() + " port " + route.port() + " timed out"));
        }
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.TRACE, "closing a channel failed", e);
            }
            channel = null;
        }
    }

    private SSLEngine newEngine() {
        SSLEngine e = loop.transport.sslContext().createSSLEngine(route.host(), route.port());
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
            loop.release(this);
        }
    }

    void start(Exchange next) {
        exchange = next;
        reused = used;
        used = true;
        next.newParser(loop.transport.maxResponseBytes);
        out = ByteBuffer.wrap(next.bytes);
        if (connected) {
            loop.execute(this::pump); // not inline: this may run inside this connection's own read loop
        }
    }

    void ready() {
        if (!connected) {
            try {
                if (!channel.finishConnect()) {
                    return;
                }
            } catch (IOException e) {
                tryNextAddress(e);
                return;
            }
        }
        try {
            if (!connected) {
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
                loop.release(this);
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
        ByteBuffer readBuffer = loop.readBuffer;
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
            } else if (status == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING && out != null && out.hasRemaining()) {
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
            default -> {}
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
                ByteBuffer app = loop.tlsAppBuffer;
                app.clear();
                SSLEngineResult result = engine.unwrap(netIn, app);
                progress = result.bytesConsumed() > 0 || result.bytesProduced() > 0;
                switch (result.getStatus()) {
                    case BUFFER_OVERFLOW -> {
                        loop.tlsAppBuffer = ByteBuffer.allocate(
                                Math.max(app.capacity() * 2, engine.getSession().getApplicationBufferSize()));
                        progress = true;
                    }
                    case BUFFER_UNDERFLOW -> progress = false;
                    case CLOSED -> {
                        eof = true;
                        progress = false;
                    }
                    default -> {}
                }
                if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runDelegatedTasks();
                }
                if (result.bytesProduced() > 0) {
                    app.flip();
                    onData(app);
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
            fail(new TransportException(
                    current.request + " failed: connection closed before any response",
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
        done.succeed(response);
    }

    /** Fails the exchange on this connection (or sends it again, see {@link NioTransport}) and closes. */
    void fail(RuntimeException error) {
        Exchange current = exchange;
        exchange = null;
        close();
        if (current == null) {
            return;
        }
        boolean beforeAnswer = current.parser == null || !current.parser.started();
        if (reused
                && beforeAnswer
                && !current.resent
                && error instanceof TransportException
                && IDEMPOTENT.contains(current.request.method())
                && !loop.transport.isClosed()) {
            current.resent = true;
            loop.dispatch(current, true);
            return;
        }
        current.fail(error);
    }

    /** Closes, failing the exchange with {@code error} and never sending it again (the loop is stopping). */
    void abort(RuntimeException error) {
        Exchange current = exchange;
        exchange = null;
        close();
        if (current != null) {
            current.fail(error);
        }
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
        closeChannel();
        Exchange current = exchange;
        exchange = null;
        loop.forget(this);
        if (current != null) {
            current.fail(new TransportException(current.request + " failed: the connection was closed", null));
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

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, atLeast));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }
}
