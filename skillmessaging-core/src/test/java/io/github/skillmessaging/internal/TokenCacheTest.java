package io.github.skillmessaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.AccessToken;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenCacheTest {
    final MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    final List<CompletableFuture<AccessToken>> fetches = new CopyOnWriteArrayList<>();
    final TokenCache cache = new TokenCache(
            () -> {
                CompletableFuture<AccessToken> f = new CompletableFuture<>();
                fetches.add(f);
                return f;
            },
            clock,
            Duration.ofMinutes(1),
            Duration.ofMinutes(5));

    AccessToken token(String value) {
        return new AccessToken(
                value, "bearer", "s", Duration.ofHours(1), clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void callersWaitingForTheSameRefreshShareIt() {
        CompletableFuture<AccessToken> a = cache.get();
        CompletableFuture<AccessToken> b = cache.get();
        assertThat(fetches).hasSize(1);
        fetches.get(0).complete(token("t1"));
        assertThat(a.join().token()).isEqualTo("t1");
        assertThat(b.join().token()).isEqualTo("t1");
        assertThat(cache.get().join().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(1);
    }

    @Test
    void usableNowGivesTheCachedTokenUntilItIsStaleAndRefreshesItAheadOfTime() {
        assertThat(cache.usableNow()).isNull();
        assertThat(fetches).isEmpty(); // only get() starts a refresh when there is no token
        cache.get();
        fetches.get(0).complete(token("t1"));
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(54));
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(1);
        clock.advance(Duration.ofMinutes(2)); // 4 minutes left: inside the 5-minute prefetch window
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(2);
        clock.advance(Duration.ofMinutes(3)); // 1 minute left: stale
        assertThat(cache.usableNow()).isNull();
        fetches.get(1).complete(token("t2"));
        assertThat(cache.usableNow().token()).isEqualTo("t2");
    }

    @Test
    void aFailedRefreshReachesItsWaitersAndIsNotCached() {
        CompletableFuture<AccessToken> a = cache.get();
        fetches.get(0).completeExceptionally(new ServerErrorException("get access token", 503, Map.of(), ""));
        assertThat(a).isCompletedExceptionally();
        CompletableFuture<AccessToken> b = cache.get();
        assertThat(fetches).hasSize(2);
        fetches.get(1).complete(token("t2"));
        assertThat(b.join().token()).isEqualTo("t2");
    }

    @Test
    void aFailedBackgroundRefreshKeepsTheValidTokenInUse() {
        cache.get();
        fetches.get(0).complete(token("t1"));
        clock.advance(Duration.ofMinutes(56));
        assertThat(cache.get().join().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(2);
        fetches.get(1).completeExceptionally(new ServerErrorException("get access token", 500, Map.of(), ""));
        assertThat(cache.get().join().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(3); // tries again, still in the background
    }

    @Test
    void invalidatingAnOldTokenKeepsANewerOne() {
        cache.get();
        AccessToken t1 = token("t1");
        fetches.get(0).complete(t1);
        cache.invalidate(t1);
        cache.get();
        fetches.get(1).complete(token("t2"));
        cache.invalidate(t1); // a late 403 for the old token
        assertThat(cache.get().join().token()).isEqualTo("t2");
        assertThat(fetches).hasSize(2);
    }

    @Test
    void cancellingOneWaiterDoesNotCancelTheSharedRefresh() {
        CompletableFuture<AccessToken> a = cache.get();
        CompletableFuture<AccessToken> b = cache.get();
        a.cancel(true);
        fetches.get(0).complete(token("t1"));
        assertThat(b.join().token()).isEqualTo("t1");
    }

    @Test
    void clientsGivenNoTransportShareOneHttpClient() {
        assertThat(ClientOptions.defaults().transport())
                .isSameAs(ClientOptions.defaults().transport());
    }

    @ParameterizedTest(name = "expires_in {0} s: stale {1} ms, prefetch {2} ms before expiry")
    @CsvSource({"10, 1000, 2500", "30, 3000, 7500", "240, 24000, 60000", "3600, 60000, 300000", "86400, 60000, 300000"})
    void theWindowsAreATenthAndAQuarterOfTheLifetimeCappedAtOneAndFiveMinutes(
            long expiresIn, long staleMillis, long prefetchMillis) {
        TokenCache.Windows windows = cache.windows(Duration.ofSeconds(expiresIn));
        assertThat(windows.staleBefore()).isEqualTo(Duration.ofMillis(staleMillis));
        assertThat(windows.prefetchBefore()).isEqualTo(Duration.ofMillis(prefetchMillis));
    }

    /** The first fetch answers "t1", a token that lives 30 s and expires at {@code expiresAt}. */
    private void fetchThirtySecondToken(java.time.Instant expiresAt) {
        cache.get();
        fetches.get(0).complete(new AccessToken("t1", "bearer", "s", Duration.ofSeconds(30), expiresAt));
    }

    @Test
    void aThirtySecondTokenIsUsedForTwentySevenSecondsAndRefreshedInTheBackgroundFromTwentyTwoAndAHalf() {
        fetchThirtySecondToken(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofMillis(22_499));
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(1);
        clock.advance(Duration.ofMillis(1)); // 7.5 s left: refresh starts, the token is still used
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(2);
        clock.advance(Duration.ofMillis(4_499)); // 3.001 s left
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        clock.advance(Duration.ofMillis(1)); // 3 s left: stale
        assertThat(cache.usableNow()).isNull();
    }

    @Test
    void aTokenIsNotUsedAtItsExactStaleInstantEvenWithinAMillisecond() {
        fetchThirtySecondToken(clock.instant().plusSeconds(30).plusNanos(500_000)); // stale 27.0005 s from now
        clock.advance(Duration.ofMillis(26_999));
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        clock.advance(Duration.ofMillis(1).plusNanos(500_000)); // exactly the stale instant
        assertThat(cache.usableNow()).isNull();
    }

    @Test
    void aTokenExpiringBeyondTheRangeOfEpochMillisecondsIsCachedAndUsed() {
        cache.get();
        fetches.get(0).complete(new AccessToken("t1", "bearer", "s", Duration.ofHours(1), Instant.MAX));
        assertThat(cache.usableNow().token()).isEqualTo("t1");
        assertThat(fetches).hasSize(1);
    }
}
