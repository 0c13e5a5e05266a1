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
 * <ul>
 *   <li>A token is used until {@code staleBefore} its expiry; after that callers wait for a new one.</li>
 *   <li>From {@code prefetchBefore} its expiry, the first caller starts a refresh in the background
 *       and everyone keeps using the still-valid token.</li>
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

    private AccessToken current; // guarded by this
    private Instant staleAt; // guarded by this: current's expiry less staleBefore
    private Instant prefetchAt; // guarded by this: current's expiry less prefetchBefore
    private CompletableFuture<AccessToken> inFlight; // guarded by this
    private boolean closed; // guarded by this

    public TokenCache(Supplier<CompletableFuture<AccessToken>> fetcher, Clock clock, Duration staleBefore,
            Duration prefetchBefore) {
        if (prefetchBefore.compareTo(staleBefore) < 0) {
            throw new IllegalArgumentException("prefetchBefore must not be shorter than staleBefore");
        }
        this.fetcher = fetcher;
        this.clock = clock;
        this.staleBefore = staleBefore;
        this.prefetchBefore = prefetchBefore;
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
    public synchronized AccessToken usableNow() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(staleAt)) {
            return null;
        }
        if (!now.isBefore(prefetchAt) && inFlight == null) {
            LOG.log(Level.DEBUG, "Access token expires at {0}: refreshing in the background", current.expiresAt());
            startRefresh();
        }
        return current;
    }

    /**
     * Forgets {@code rejected} (an API answered 403 to it), so the next {@link #get()} fetches a new
     * token. A newer token already cached is kept.
     */
    public synchronized void invalidate(AccessToken rejected) {
        if (current != null && current.equals(rejected)) {
            current = null;
        }
    }

    /** Starts no refresh from now on; the cached token is forgotten. */
    public synchronized void close() {
        closed = true;
        current = null;
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
                    current = token;
                    staleAt = token.expiresAt().minus(staleBefore);
                    prefetchAt = token.expiresAt().minus(prefetchBefore);
                } else if (!closed) {
                    LOG.log(Level.DEBUG, "Access token refresh failed: {0}", Futures.unwrap(error).getMessage());
                }
            }
        });
        return started;
    }
}
