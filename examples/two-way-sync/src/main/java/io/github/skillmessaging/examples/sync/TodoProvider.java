package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The third party: a tiny to-do service with its own embedded database and a REST API, that
 * calls a webhook after every change. It knows nothing of Alexa.
 *
 * <pre>
 * GET    /accounts/{account}/items                 → [item]
 * POST   /accounts/{account}/items                 {value, completed}          → 201 item
 * PUT    /accounts/{account}/items/{id}            {value, completed, version} → item, 409 on a stale version
 * DELETE /accounts/{account}/items/{id}            → 204, 404 when absent
 * webhook: POST {webhook} {account, itemId, version, change}   (after the change committed; up to 4 at a time, in no set order)
 * </pre>
 */
public final class TodoProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String jdbcUrl;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService webhooks;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger pendingWebhooks = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNextWebhooks = new AtomicInteger();
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private final AtomicInteger webhooksGivenUp = new AtomicInteger();
    private volatile int webhookAttempts = 5;
    private final Trace trace;
    private volatile URI webhook;

    private TodoProvider(String jdbcUrl, Trace trace) throws IOException, SQLException {
        this.jdbcUrl = jdbcUrl;
        this.trace = trace;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.createStatement()
                    .execute("CREATE TABLE IF NOT EXISTS todo_item (account VARCHAR(200) NOT NULL, "
                            + "id VARCHAR(64) NOT NULL, item_value VARCHAR(256) NOT NULL, completed BOOLEAN NOT NULL, "
                            + "version BIGINT NOT NULL, PRIMARY KEY (account, id))");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(8, daemon("todo-provider"));
        // Several calls at a time, like real providers: a call waiting on a busy user does not hold up the others.
        this.webhooks = Executors.newScheduledThreadPool(4, daemon("todo-provider-webhooks"));
        server.createContext("/accounts/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts the service on a free loopback port, storing items at {@code jdbcUrl} (an H2 file, say). */
    public static TodoProvider start(String jdbcUrl, Trace trace) {
        try {
            return new TodoProvider(jdbcUrl, trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the provider database", e);
        }
    }

    /** The REST base address, {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where change notifications go. */
    public void webhook(URI url) {
        this.webhook = url;
    }

    /** The next {@code count} API calls answer 503 (fault injection for tests). */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** How many times a webhook call is tried before it is given up (5 by default, 50 ms doubling, 1 s at most). */
    public void webhookAttempts(int attempts) {
        this.webhookAttempts = attempts;
    }

    /** The next {@code count} changes notify nobody (fault injection: a lost webhook). */
    public void dropNextWebhooks(int count) {
        dropNextWebhooks.set(count);
    }

    /** Webhook HTTP calls made so far, retries included. */
    public int webhookCalls() {
        return webhookCalls.get();
    }

    /** Webhook calls given up after every attempt failed. */
    public int webhooksGivenUp() {
        return webhooksGivenUp.get();
    }

    /** Webhook calls not yet delivered (or given up). */
    public int pendingWebhooks() {
        return pendingWebhooks.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhooks.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 503, JSON.createObjectNode().put("error", "injected outage"));
                return;
            }
            String[] path = exchange.getRequestURI().getRawPath().split("/");
            // ["", "accounts", account, "items", id?]
            if (path.length < 4 || !path[3].equals("items")) {
                send(exchange, 404, JSON.createObjectNode().put("error", "not found"));
                return;
            }
            String account = URLDecoder.decode(path[2], StandardCharsets.UTF_8);
            String id = path.length > 4 ? URLDecoder.decode(path[4], StandardCharsets.UTF_8) : null;
            String method = exchange.getRequestMethod();
            JsonNode body = method.equals("POST") || method.equals("PUT")
                    ? JSON.readTree(exchange.getRequestBody().readAllBytes())
                    : null;
            if (id == null && method.equals("GET")) {
                send(exchange, 200, JSON.valueToTree(items(account)));
            } else if (id == null && method.equals("POST")) {
                ProviderItem item = create(
                        account,
                        body.path("value").asText(),
                        body.path("completed").asBoolean());
                send(exchange, 201, JSON.valueToTree(item));
            } else if (id != null && method.equals("PUT")) {
                Optional<ProviderItem> current = item(account, id);
                if (current.isEmpty()) {
                    send(exchange, 404, JSON.createObjectNode().put("error", "no such item"));
                } else if (current.get().version() != body.path("version").asLong()) {
                    send(exchange, 409, JSON.createObjectNode().put("error", "stale version"));
                } else {
                    send(
                            exchange,
                            200,
                            JSON.valueToTree(update(
                                    account,
                                    current.get(),
                                    body.path("value").asText(),
                                    body.path("completed").asBoolean())));
                }
            } else if (id != null && method.equals("DELETE")) {
                send(exchange, delete(account, id) ? 204 : 404, null);
            } else {
                send(exchange, 405, JSON.createObjectNode().put("error", "method not allowed"));
            }
        } catch (SQLException e) {
            throw new IOException("provider database failed", e);
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    // ---- storage: also what "the user editing in the provider's app" calls ----

    /** The account's items, in id order. */
    public List<ProviderItem> items(String account) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, item_value, completed, version FROM todo_item WHERE account = ? ORDER BY id")) {
            ps.setString(1, account);
            List<ProviderItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProviderItem(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)));
                }
            }
            return out;
        }
    }

    private Optional<ProviderItem> item(String account, String id) throws SQLException {
        return items(account).stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Adds an item (as the provider's own app would) and notifies the webhook. */
    public ProviderItem create(String account, String value, boolean completed) throws SQLException {
        String id = UUID.randomUUID().toString().substring(0, 8) + "-" + System.nanoTime() % 100000;
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO todo_item (account, id, item_value, completed, version) VALUES (?, ?, ?, ?, 1)")) {
            ps.setString(1, account);
            ps.setString(2, id);
            ps.setString(3, value);
            ps.setBoolean(4, completed);
            ps.executeUpdate();
        }
        ProviderItem item = new ProviderItem(id, value, completed, 1);
        notifyWebhook(account, item.id(), item.version(), "created");
        return item;
    }

    /**
     * Changes an item as a person in the provider's own app does: whatever its version now (the last
     * write wins), and notifies the webhook.
     */
    public ProviderItem edit(String account, String id, String value, boolean completed) throws SQLException {
        long version;
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE todo_item SET item_value = ?, completed = ?, "
                    + "version = version + 1 WHERE account = ? AND id = ?")) {
                ps.setString(1, value);
                ps.setBoolean(2, completed);
                ps.setString(3, account);
                ps.setString(4, id);
                if (ps.executeUpdate() == 0) {
                    c.rollback();
                    throw new SQLException("no item " + id + " in account " + account);
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT version FROM todo_item WHERE account = ? AND id = ?")) {
                ps.setString(1, account);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getLong(1);
                }
            }
            c.commit();
        }
        ProviderItem item = new ProviderItem(id, value, completed, version);
        notifyWebhook(account, item.id(), item.version(), "updated");
        return item;
    }

    /**
     * Changes an item only if it is still at {@code current}'s version (what the sync writes with, so that
     * it never overwrites an edit it has not seen), and notifies the webhook.
     *
     * @throws SQLException if the item changed meanwhile
     */
    public ProviderItem update(String account, ProviderItem current, String value, boolean completed)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement ps = c.prepareStatement("UPDATE todo_item SET item_value = ?, completed = ?, "
                        + "version = version + 1 WHERE account = ? AND id = ? AND version = ?")) {
            ps.setString(1, value);
            ps.setBoolean(2, completed);
            ps.setString(3, account);
            ps.setString(4, current.id());
            ps.setLong(5, current.version());
            if (ps.executeUpdate() == 0) {
                throw new SQLException("item " + current.id() + " changed meanwhile");
            }
        }
        ProviderItem item = new ProviderItem(current.id(), value, completed, current.version() + 1);
        notifyWebhook(account, item.id(), item.version(), "updated");
        return item;
    }

    /** Deletes an item and notifies the webhook; false when it did not exist. */
    public boolean delete(String account, String id) throws SQLException {
        int deleted;
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement ps = c.prepareStatement("DELETE FROM todo_item WHERE account = ? AND id = ?")) {
            ps.setString(1, account);
            ps.setString(2, id);
            deleted = ps.executeUpdate();
        }
        if (deleted > 0) {
            notifyWebhook(account, id, -1, "deleted");
        }
        return deleted > 0;
    }

    private void notifyWebhook(String account, String itemId, long version, String change) {
        URI target = webhook;
        if (target == null) {
            return;
        }
        if (dropNextWebhooks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            trace.line("[provider] webhook call for " + itemId + " dropped (fault injection)");
            return;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("account", account)
                .put("itemId", itemId)
                .put("version", version)
                .put("change", change);
        pendingWebhooks.incrementAndGet();
        webhooks.execute(() -> deliver(target, body, 1));
    }

    private void deliver(URI target, ObjectNode body, int attempt) {
        webhookCalls.incrementAndGet();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                pendingWebhooks.decrementAndGet();
                return;
            }
        } catch (IOException e) {
            // retried below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt < webhookAttempts && !webhooks.isShutdown()) {
            webhooks.schedule(
                    () -> deliver(target, body, attempt + 1),
                    Math.min(1000, 50L << Math.min(attempt, 10)),
                    TimeUnit.MILLISECONDS);
        } else {
            webhooksGivenUp.incrementAndGet();
            trace.line("[provider] gave up on a webhook call after " + attempt + " attempts");
            pendingWebhooks.decrementAndGet();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
