package io.github.skillmessaging.examples.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The sync state, in any JDBC database that Flyway migrates (embedded H2 by default, PostgreSQL for
 * more than one instance). Everything that must hold across instances is the database's job:
 * per-user row locks ({@code SELECT ... FOR UPDATE}), unique keys on processed request ids and item
 * pairs, and outbox rows claimed with a conditional update.
 */
public final class SyncStore {
    private final String url;
    private final String user;
    private final String password;

    /** Connects and brings the schema up to date ({@code db/migration}). */
    public SyncStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** A linked Alexa user. */
    public record LinkedUser(
            String alexaUserId, String apiEndpoint, Optional<String> providerAccount, boolean listsGranted) {}

    /** The agreed state of one item pair: the base of the three-way merge. */
    public record Mapping(
            String alexaItemId, String providerItemId, String value, boolean completed, long providerVersion) {}

    /** A skill message waiting to be sent. */
    public record OutboxRow(long id, String alexaUserId, String reason, int attempts) {}

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sync database: " + e.getMessage(), e);
        }
    }

    // ---- users ----

    /** Records (or refreshes) the user and the endpoint their requests carry. */
    public void upsertUser(Connection c, String alexaUserId, String apiEndpoint) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE linked_user SET api_endpoint = ? WHERE alexa_user_id = ?")) {
            update.setString(1, apiEndpoint);
            update.setString(2, alexaUserId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO linked_user (alexa_user_id, api_endpoint, lists_granted) VALUES (?, ?, FALSE)")) {
            insert.setString(1, alexaUserId);
            insert.setString(2, apiEndpoint);
            insert.executeUpdate();
        }
    }

    /** The user, with its row locked until the transaction ends: one sync per user at a time. */
    public Optional<LinkedUser> lockUser(Connection c, String alexaUserId) throws SQLException {
        return queryUser(
                c,
                "SELECT alexa_user_id, api_endpoint, provider_account, lists_granted FROM linked_user "
                        + "WHERE alexa_user_id = ? FOR UPDATE",
                alexaUserId);
    }

    /** The user who linked {@code account}, locked. */
    public Optional<LinkedUser> lockUserByAccount(Connection c, String account) throws SQLException {
        return queryUser(
                c,
                "SELECT alexa_user_id, api_endpoint, provider_account, lists_granted FROM linked_user "
                        + "WHERE provider_account = ? FOR UPDATE",
                account);
    }

    private static Optional<LinkedUser> queryUser(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LinkedUser(
                        rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), rs.getBoolean(4)));
            }
        }
    }

    public void linkAccount(Connection c, String alexaUserId, String account) throws SQLException {
        update(c, "UPDATE linked_user SET provider_account = ? WHERE alexa_user_id = ?", account, alexaUserId);
    }

    public void grantLists(Connection c, String alexaUserId) throws SQLException {
        update(c, "UPDATE linked_user SET lists_granted = TRUE WHERE alexa_user_id = ?", alexaUserId);
    }

    /** Forgets the user and their item pairs (the skill was disabled: a new user id comes if re-enabled). */
    public void forgetUser(Connection c, String alexaUserId) throws SQLException {
        update(c, "DELETE FROM item_map WHERE alexa_user_id = ?", alexaUserId);
        update(c, "DELETE FROM linked_user WHERE alexa_user_id = ?", alexaUserId);
    }

    /** Records a full reconcile of the user's lists (and clears a pending anti-entropy request). */
    public void markReconciled(Connection c, String alexaUserId, Instant now) throws SQLException {
        update(
                c,
                "UPDATE linked_user SET last_reconciled_at = ?, heal_requested_at = NULL WHERE alexa_user_id = ?",
                Timestamp.from(now),
                alexaUserId);
    }

    /**
     * Linked users (account linked, lists granted) whose last reconcile is older than
     * {@code before} (or never happened) and who were not asked to reconcile since {@code before};
     * oldest first, at most {@code limit}.
     */
    public List<String> usersReconciledBefore(Instant before, int limit) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT alexa_user_id FROM linked_user "
                    + "WHERE provider_account IS NOT NULL AND lists_granted "
                    + "AND (last_reconciled_at IS NULL OR last_reconciled_at < ?) "
                    + "AND (heal_requested_at IS NULL OR heal_requested_at < ?) "
                    + "ORDER BY COALESCE(last_reconciled_at, TIMESTAMP '1970-01-01 00:00:00'), alexa_user_id")) {
                ps.setTimestamp(1, Timestamp.from(before));
                ps.setTimestamp(2, Timestamp.from(before));
                ps.setMaxRows(limit);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Notes that the user was asked to reconcile, if they still need it and nobody asked since
     * {@code before}: a conditional update, so of several instances exactly one wins. Leaves the
     * user's row locked.
     */
    public boolean requestHeal(Connection c, String alexaUserId, Instant now, Instant before) throws SQLException {
        return update(
                        c,
                        "UPDATE linked_user SET heal_requested_at = ? WHERE alexa_user_id = ? "
                                + "AND (last_reconciled_at IS NULL OR last_reconciled_at < ?) "
                                + "AND (heal_requested_at IS NULL OR heal_requested_at < ?)",
                        Timestamp.from(now),
                        alexaUserId,
                        Timestamp.from(before),
                        Timestamp.from(before))
                == 1;
    }

    /** What the status page shows from the database: the same for every instance. */
    public record Status(
            int usersLinked,
            int outboxDepth,
            Duration oldestPending,
            int messagesSent,
            int messagesFailed,
            int neverReconciled,
            List<Duration> reconcileAges) {}

    /** Reads the {@link Status}; reconcile ages sorted, youngest first. */
    public Status status(Instant now) {
        return inTransaction(c -> {
            int linked =
                    count(c, "SELECT COUNT(*) FROM linked_user WHERE provider_account IS NOT NULL AND lists_granted");
            int depth = count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'");
            int sent = count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'SENT'");
            int failed = count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'FAILED'");
            Duration oldest = Duration.ZERO;
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT MIN(created_at) FROM outbox WHERE state = 'PENDING'");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getTimestamp(1) != null) {
                    oldest = Duration.between(rs.getTimestamp(1).toInstant(), now);
                }
            }
            List<Duration> ages = new ArrayList<>();
            int never = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_reconciled_at FROM linked_user "
                            + "WHERE provider_account IS NOT NULL AND lists_granted");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(1);
                    if (at == null) {
                        never++;
                    } else {
                        ages.add(Duration.between(at.toInstant(), now));
                    }
                }
            }
            ages.sort(null);
            return new Status(linked, depth, oldest, sent, failed, never, ages);
        });
    }

    // ---- item pairs ----

    public List<Mapping> mappings(Connection c, String alexaUserId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT alexa_item_id, provider_item_id, item_value, completed, "
                + "provider_version FROM item_map WHERE alexa_user_id = ?")) {
            ps.setString(1, alexaUserId);
            List<Mapping> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mapping(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getLong(5)));
                }
            }
            return out;
        }
    }

    public void putMapping(Connection c, String alexaUserId, Mapping m) throws SQLException {
        deleteMapping(c, alexaUserId, m);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item_map (alexa_user_id, alexa_item_id, "
                + "provider_item_id, item_value, completed, provider_version) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, alexaUserId);
            ps.setString(2, m.alexaItemId());
            ps.setString(3, m.providerItemId());
            ps.setString(4, m.value());
            ps.setBoolean(5, m.completed());
            ps.setLong(6, m.providerVersion());
            ps.executeUpdate();
        }
    }

    public void deleteMapping(Connection c, String alexaUserId, Mapping m) throws SQLException {
        update(
                c,
                "DELETE FROM item_map WHERE alexa_user_id = ? AND (alexa_item_id = ? OR provider_item_id = ?)",
                alexaUserId,
                m.alexaItemId(),
                m.providerItemId());
    }

    /** True when the provider's {@code version} of {@code itemId} is one the sync itself wrote or saw. */
    public boolean isKnownProviderVersion(Connection c, String alexaUserId, String itemId, long version)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT provider_version FROM item_map " + "WHERE alexa_user_id = ? AND provider_item_id = ?")) {
            ps.setString(1, alexaUserId);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) >= version;
            }
        }
    }

    /** True when the provider item is paired (for deletions: a deleted paired item needs a sync). */
    public boolean isMappedProviderItem(Connection c, String alexaUserId, String itemId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM item_map WHERE alexa_user_id = ? AND provider_item_id = ?")) {
            ps.setString(1, alexaUserId);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- processed requests ----

    public boolean isProcessed(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM processed_request WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records the request as handled; a concurrent duplicate fails on the primary key and rolls back. */
    public void markProcessed(Connection c, String requestId, Instant now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO processed_request (request_id, processed_at) VALUES (?, ?)")) {
            ps.setString(1, requestId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    // ---- outbox ----

    /**
     * Queues a skill message to {@code alexaUserId}, unless one is already waiting (a message only
     * says "sync now": one pending is enough). Call with the user's row locked.
     */
    public boolean enqueue(Connection c, String alexaUserId, String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM outbox WHERE alexa_user_id = ? AND " + "state = 'PENDING' AND claimed_until IS NULL")) {
            ps.setString(1, alexaUserId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (alexa_user_id, reason, state, attempts, "
                + "created_at, next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?, ?)")) {
            ps.setString(1, alexaUserId);
            ps.setString(2, reason);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * Claims the oldest due message for {@code lease}: a conditional update, so of several instances
     * exactly one wins each row; a claim whose instance died expires and the row is taken again.
     */
    public Optional<OutboxRow> claimNext(Instant now, Duration lease) {
        return inTransaction(c -> {
            List<OutboxRow> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, alexa_user_id, reason, attempts FROM outbox "
                    + "WHERE state = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) "
                    + "ORDER BY id")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setMaxRows(5);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                    }
                }
            }
            for (OutboxRow row : due) {
                try (PreparedStatement claim = c.prepareStatement("UPDATE outbox SET claimed_until = ?, "
                        + "attempts = attempts + 1 WHERE id = ? AND state = 'PENDING' AND attempts = ?")) {
                    claim.setTimestamp(1, Timestamp.from(now.plus(lease)));
                    claim.setLong(2, row.id());
                    claim.setInt(3, row.attempts());
                    if (claim.executeUpdate() == 1) {
                        return Optional.of(
                                new OutboxRow(row.id(), row.alexaUserId(), row.reason(), row.attempts() + 1));
                    }
                }
            }
            return Optional.empty();
        });
    }

    public void markSent(long id, String messageId) {
        inTransaction(c -> update(
                c,
                "UPDATE outbox SET state = 'SENT', message_id = ?, claimed_until = NULL " + "WHERE id = ?",
                messageId,
                id));
    }

    public void markRetry(long id, Instant nextAttempt, String error) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET claimed_until = NULL, next_attempt_at = ?, " + "last_error = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(nextAttempt));
                ps.setString(2, truncate(error));
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    /** The message can never be delivered (the user disabled the skill): kept, marked, not retried. */
    public void markFailed(long id, String error) {
        inTransaction(c -> update(
                c,
                "UPDATE outbox SET state = 'FAILED', claimed_until = NULL, last_error = ? " + "WHERE id = ?",
                truncate(error),
                id));
    }

    /** Throws unless the database answers (for health checks). */
    public void ping() {
        inTransaction(c -> count(c, "SELECT 1"));
    }

    /** Messages not yet sent or failed for good. */
    public int pendingMessages() {
        return inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'"));
    }

    /** Messages sent so far. */
    public int sentMessages() {
        return inTransaction(c -> count(c, "SELECT COUNT(*) FROM outbox WHERE state = 'SENT'"));
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
