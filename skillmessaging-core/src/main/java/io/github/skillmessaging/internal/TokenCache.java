package io.github.skillmessaging.internal;

import io.github.skillmessaging.AccessToken;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Holds one access token and refreshes it, so that many concurrent sends cause one token request.
 *
 * <p>Both windows scale with the token's lifetime ({@link AccessToken#expiresIn()}), so that a
 * short-lived token serves many calls too: a token is stale in the last tenth of its lifetime and
 * is refreshed from the last quarter, each capped at the maximum given to the constructor (see
 * {@link #windows(Duration)}).
 *
 * <ul>
 *   <li>A token is used until it is stale; after that callers wait for a new one.</li>
 *   <li>From the prefetch window on, the first caller starts a refresh in the background and
 *       everyone keeps using the still-valid token.</li>
 *   <li>At most one refresh is in flight: callers that need a token while it runs share its result,
 *       success or failure. A failed refresh is not cached: the next caller tries again.</li>
 * </ul>
 */
public final class TokenCache {
    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging");

    private final Supplier<CompletableFuture<AccessToken>> fetcher;
    private final Clock clock;
    private final Duration staleBefore;
    private final Duration prefetchBefore;

    /** The cached token and its times; read without the lock (the fast path), written under it. */
    private volatile Cached cached;

    private CompletableFuture<AccessToken> inFlight; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param staleBefore the longest time before expiry from which a token is no longer used
     * @param prefetchBefore the longest time before expiry from which a background refresh starts
     */
    public TokenCache(
            Supplier<CompletableFuture<AccessToken>> fetcher,
            Clock clock,
            Duration staleBefore,
            Duration prefetchBefore) {
        if (prefetchBefore.compareTo(staleBefore) < 0) {
            throw new IllegalArgumentException("prefetchBefore must not be shorter than staleBefore");
        }
        this.fetcher = fetcher;
        this.clock = clock;
        this.staleBefore = staleBefore;
        this.prefetchBefore = prefetchBefore;
    }

    /** How long before its expiry a token is stale, and is refreshed in the background. */
    public record Windows(Duration staleBefore, Duration prefetchBefore) {}

    /**
     * The windows of a token that lives {@code lifetime}: stale for the last tenth of it, refreshed
     * from the last quarter of it, each capped at this cache's maximum. For a one-hour token with
     * the maxima of {@code SkillMessaging}: 1 minute and 5 minutes; for a 30-second token: 3 s
     * and 7.5 s, so one token serves 22.5 s of calls.
     */
    public Windows windows(Duration lifetime) {
        Duration life = lifetime.isNegative() ? Duration.ZERO : lifetime;
        Duration stale = min(staleBefore, life.dividedBy(10));
        Duration prefetch = min(prefetchBefore, life.dividedBy(4));
        return new Windows(stale, prefetch.compareTo(stale) < 0 ? stale : prefetch);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A usable token: the cached one, or the result of the one refresh in flight. */
    public CompletableFuture<AccessToken> get() {
        synchronized (this) {
            AccessToken usable = usableNow();
            if (usable != null) {
                return CompletableFuture.completedFuture(usable);
            }
            CompletableFuture<AccessToken> refresh = inFlight != null ? inFlight : startRefresh();
            // Callers get their own stage: cancelling it must not cancel the shared refresh.
            return refresh.thenApply(token -> token);
        }
    }

    /**
     * The cached token when it is usable now (starting a background refresh when it is due), or
     * null when callers must wait for {@link #get()}: the fast path of every send.
     */
    public AccessToken usableNow() {
        Cached now = cached;
        long millis = clock.millis(); // no Instant per send: this runs for every message
        if (now == null || millis >= now.staleAtMillis()) {
            return null;
        }
        if (millis >= now.prefetchAtMillis()) {
            refreshDue(now);
        }
        return now.token();
    }

    /** Starts the background refresh of {@code due}, unless one runs or the token changed meanwhile. */
    @SuppressWarnings("ReferenceEquality") // the same cache entry, not an equal one
    private synchronized void refreshDue(Cached due) {
        if (inFlight == null && cached == due) {
            LOG.log(
                    Level.DEBUG,
                    "Access token expires at {0}: refreshing in the background",
                    due.token().expiresAt());
            startRefresh();
        }
    }

    /**
     * A cached token with the times (epoch milliseconds, rounded down: never later than the exact
     * instant) it is refreshed from and no longer used.
     */
    private record Cached(AccessToken token, long staleAtMillis, long prefetchAtMillis) {
        Cached(AccessToken token, Instant staleAt, Instant prefetchAt) {
            this(token, epochMillis(staleAt), epochMillis(prefetchAt));
        }

        private static long epochMillis(Instant instant) {
            try {
                return instant.toEpochMilli();
            } catch (ArithmeticException e) { // beyond a long's range of milliseconds
                return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
    }

    /**
     * Forgets {@code rejected} (an API answered 403 to it), so the next {@link #get()} fetches a new
     * token. A newer token already cached is kept.
     */
    public synchronized void invalidate(AccessToken rejected) {
        if (cached != null && cached.token().equals(rejected)) {
            cached = null;
        }
    }

    /** Starts no refresh from now on; the cached token is forgotten. */
    public synchronized void close() {
        closed = true;
        cached = null;
    }

    // guarded by this
    private CompletableFuture<AccessToken> startRefresh() {
        if (closed) {
            return CompletableFuture.failedFuture(ApiCaller.closedException("get an access token"));
        }
        CompletableFuture<AccessToken> refresh;
        try {
            refresh = fetcher.get();
        } catch (RuntimeException e) {
            refresh = CompletableFuture.failedFuture(e);
        }
        inFlight = refresh;
        CompletableFuture<AccessToken> started = refresh;
        refresh.whenComplete((token, error) -> {
            synchronized (TokenCache.this) {
                if (inFlight == started) {
                    inFlight = null;
                }
                if (error == null) {
                    Windows windows = windows(token.expiresIn());
                    cached = new Cached(
                            token,
                            token.expiresAt().minus(windows.staleBefore()),
                            token.expiresAt().minus(windows.prefetchBefore()));
                } else if (!closed) {
                    LOG.log(
                            Level.DEBUG,
                            "Access token refresh failed: {0}",
                            Futures.unwrap(error).getMessage());
                }
            }
        });
        return started;
    }
}
