package io.github.skillmessaging.testkit.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;

/**
 * The testkit's own small HTTP/1.1 server, for the sandbox and {@code LocalSkillEndpoint}: keep-alive
 * connections, one thread each (from the owner's executor), {@code Content-Length} or chunked
 * request bodies, every answer written in one piece with {@code TCP_NODELAY} set on each accepted
 * socket. The JDK's {@code HttpServer} takes its TCP_NODELAY setting from a system property read
 * once per JVM, so a sandbox started after the application's own {@code HttpServer} had every
 * small answer wait about 40 ms for a delayed ACK; this server changes no JVM-wide setting.
 */
public final class LoopbackServer {
    /** Answers one exchange; must close it (the server aborts the connection of one left open). */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final long MAX_BODY = 64L << 20;

    private final ServerSocket serverSocket;
    /** Longest prefix first. */
    private final Map<String, Handler> contexts = new ConcurrentSkipListMap<>(
            (a, b) -> a.length() != b.length() ? Integer.compare(b.length(), a.length()) : a.compareTo(b));

    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private LoopbackServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Binds to {@code address} on a free port; serves nothing until {@link #start}. */
    public static LoopbackServer create(InetAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(address, 0), 128);
        return new LoopbackServer(socket);
    }

    /** Serves paths starting with {@code prefix} with {@code handler}; the longest matching prefix wins. */
    public void createContext(String prefix, Handler handler) {
        contexts.put(prefix, handler);
    }

    /** The bound address and port. */
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Accepts connections, each served on a thread of {@code executor} (which must not queue). */
    public void start(Executor executor) {
        executor.execute(() -> {
            while (!stopped) {
                Socket socket;
                try {
                    socket = serverSocket.accept();
                } catch (IOException e) {
                    return; // stopped
                }
                try {
                    socket.setTcpNoDelay(true);
                    connections.add(socket);
                    executor.execute(() -> serve(socket));
                } catch (IOException | RuntimeException e) {
                    connections.remove(socket);
                    closeQuietly(socket);
                }
            }
        });
    }

    /** Stops accepting and closes every connection. */
    public void stop() {
        stopped = true;
        closeQuietly(serverSocket);
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
        connections.clear();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = socket.getOutputStream();
            while (!stopped) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return; // the client closed the connection
                }
                if (requestLine.isEmpty()) {
                    continue; // a stray CRLF between requests
                }
                if (!exchange(requestLine, in, out, socket)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection ends: the client closed it, sent garbage, or the server stopped
        } finally {
            connections.remove(socket);
        }
    }

    /** Reads one request and answers it; whether the connection stays open. */
    private boolean exchange(String requestLine, InputStream in, OutputStream out, Socket socket) throws IOException {
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            simple(out, 400);
            return false;
        }
        Exchange.Headers headers = new Exchange.Headers();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                return false;
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                simple(out, 400);
                return false;
            }
            headers.add(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            simple(out, 400);
            return false;
        }
        String connectionHeader =
                String.join(",", headers.getOrDefault("Connection", List.of())).toLowerCase(Locale.ROOT);
        boolean keepAlive = parts[2].equals("HTTP/1.1")
                ? !connectionHeader.contains("close")
                : connectionHeader.contains("keep-alive");
        if ("100-continue".equalsIgnoreCase(headers.getFirst("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body;
        String transferEncoding = headers.getFirst("Transfer-Encoding");
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else {
            String length = headers.getFirst("Content-Length");
            long n;
            try {
                n = length == null ? 0 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                simple(out, 400);
                return false;
            }
            if (n < 0 || n > MAX_BODY) {
                simple(out, 413);
                return false;
            }
            body = in.readNBytes((int) n);
            if (body.length < n) {
                return false;
            }
        }

        boolean[] answered = {false};
        Exchange exchange = new Exchange(parts[0], uri, headers, body, new Exchange.Connection() {
            @Override
            public void answer(byte[] head, byte[] responseBody) throws IOException {
                byte[] all = new byte[head.length + responseBody.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(responseBody, 0, all, head.length, responseBody.length);
                out.write(all);
                out.flush();
                answered[0] = true;
            }

            @Override
            public void abort() {
                closeQuietly(socket);
            }
        });
        Handler handler = handler(uri.getRawPath() == null ? "/" : uri.getRawPath());
        try {
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            } else {
                handler.handle(exchange);
            }
        } catch (IOException | RuntimeException e) {
            // as the JDK server does: a handler that fails ends the connection
        }
        if (!answered[0]) {
            closeQuietly(socket);
            return false;
        }
        return keepAlive;
    }

    private Handler handler(String path) {
        for (Map.Entry<String, Handler> context : contexts.entrySet()) {
            if (path.startsWith(context.getKey())) {
                return context.getValue();
            }
        }
        return null;
    }

    private static void simple(OutputStream out, int status) throws IOException {
        out.write(("HTTP/1.1 " + status + " Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("The connection ended inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new IOException("Chunked body too large");
            }
            if (size == 0) {
                while (true) { // trailers
                    String line = readLine(in);
                    if (line == null || line.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new IOException("The connection ended inside a chunk");
            }
            body.write(chunk);
            readLine(in); // the CRLF after the chunk
        }
    }

    /** One line without its CRLF (or LF), ISO-8859-1; {@code null} at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b == -1) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("Line too long");
            }
            line.append((char) b);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
