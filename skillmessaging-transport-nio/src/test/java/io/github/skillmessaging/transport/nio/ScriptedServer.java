package io.github.skillmessaging.transport.nio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP server whose every byte is written by the test: each accepted connection runs
 * {@link Script} on its own thread. Records the raw requests and counts connections.
 */
final class ScriptedServer implements AutoCloseable {
    /** What the server does with one connection; {@code index} counts connections from 0. */
    interface Script {
        void run(Connection connection, int index) throws Exception;
    }

    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    ScriptedServer(Script script) throws IOException {
        this(script, null);
    }

    /** A TLS server when {@code tls} is not null. */
    ScriptedServer(Script script, javax.net.ssl.SSLContext tls) throws IOException {
        server = tls == null
                ? new ServerSocket(0, 1000, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    int index = accepted.getAndIncrement();
                    peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    Thread worker = new Thread(() -> {
                        try (socket) {
                            script.run(new Connection(socket), index);
                        } catch (Exception e) {
                            errors.add(e);
                        } finally {
                            open.decrementAndGet();
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int port() {
        return server.getLocalPort();
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    int peakOpenConnections() {
        return peakOpen.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One accepted connection, with helpers to read a request and write raw bytes. */
    final class Connection {
        final Socket socket;
        private final InputStream in;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /** Reads the head of one request only, up to its blank line; null when the client closed. */
        String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == '\r' || b == '\n') && (b == "\r\n\r\n".charAt(matched))
                        ? matched + 1
                        : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        /** Reads and drops up to {@code count} bytes; returns how many came before the client closed. */
        long skip(long count) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            while (read < count) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, count - read));
                } catch (java.net.SocketException e) {
                    return read; // reset by the client
                }
                if (n < 0) {
                    return read;
                }
                read += n;
            }
            return read;
        }

        /** Reads one request (head and Content-Length body); null when the client closed. */
        String readRequest() throws IOException {
            String text = readHead();
            if (text == null) {
                return null;
            }
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            String request = text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
            requests.add(request);
            return request;
        }

        void write(String raw) throws IOException {
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** True when the client closed its side (read returns end of stream) within the socket timeout. */
        boolean clientClosed(int timeoutMillis) throws IOException {
            socket.setSoTimeout(timeoutMillis);
            try {
                return in.read() < 0;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }
}
