package io.github.skillmessaging.testkit;

import io.github.skillmessaging.internal.Json;
import io.github.skillmessaging.testkit.internal.LoopbackServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A skill endpoint on a loopback port for tests: hands each POSTed request's raw body and headers
 * to your {@link Handler} and answers 200 with what it returns. A handler that throws
 * {@link io.github.skillmessaging.error.SkillMessagingException} (a failed verification or parse)
 * gets 400, anything else 500; both make the sandbox redeliver.
 *
 * <pre>{@code
 * try (LocalSkillEndpoint endpoint = LocalSkillEndpoint.start((body, headers) -> {
 *     verifier.verify(body, headers);
 *     SkillRequest request = RequestConverter.parse(body);
 *     ...
 *     return SkillResponse.empty().toBytes();
 * })) {
 *     SandboxSkill skill = sandbox.registerSkill(endpoint.uri());
 * }
 * }</pre>
 */
public final class LocalSkillEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging.testkit");

    /** Your skill: from the raw body and headers (names case-insensitive) to the response body. */
    @FunctionalInterface
    public interface Handler {
        byte[] handle(byte[] body, Map<String, List<String>> headers) throws Exception;
    }

    private final LoopbackServer server;
    private final ExecutorService executor;

    private LocalSkillEndpoint(LoopbackServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts an endpoint at {@code http://127.0.0.1:<free port>/skill}. */
    public static LocalSkillEndpoint start(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        LoopbackServer server;
        try {
            server = LoopbackServer.create(InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a local skill endpoint", e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-skill-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/skill", exchange -> {
            int status;
            byte[] out;
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(exchange.getRequestHeaders());
                out = handler.handle(body, headers);
                status = 200;
            } catch (io.github.skillmessaging.error.SkillMessagingException e) {
                LOG.log(Level.DEBUG, "Skill refused a request: {0}", e.getMessage());
                status = 400;
                out = new byte[0];
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Skill handler failed: " + e, e);
                status = 500;
                out = Json.write(Map.of("error", e.getClass().getSimpleName()));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start(executor);
        return new LocalSkillEndpoint(server, executor);
    }

    /** Where to register the skill: {@code http://127.0.0.1:<port>/skill}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/skill");
    }

    @Override
    public void close() {
        server.stop();
        executor.shutdownNow();
    }
}
