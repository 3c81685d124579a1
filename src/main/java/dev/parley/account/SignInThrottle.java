package dev.parley.account;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyConfig;
import dev.parley.platform.ParleyException;
import dev.parley.platform.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Slows down password guessing. After {@link #ACCOUNT_FREE_FAILURES} wrong passwords in a row for one account,
 * each further attempt for it must wait: 1 s, then twice as long after each failure, up to 15 minutes. While it
 * waits, every attempt is answered {@code 429 too_many_attempts} with Retry-After, right password or not, and costs
 * no password hash. The same holds per client address with a higher threshold ({@link #ADDRESS_FREE_FAILURES}: a
 * whole office may share one). A success clears the account's count and the address's. Registrations are limited
 * per address by a token bucket ({@code parley.registration.per-address-burst} and {@code -per-hour}).
 */
@ApplicationScoped
public class SignInThrottle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 50;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Past this many remembered accounts or addresses, those not failing for the longest wait are forgotten. */
    private static final int TIDY_ABOVE = 100_000;

    @Inject
    ParleyConfig config;

    private final ConcurrentHashMap<String, Failures> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Failures> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TokenBucket> registrations = new ConcurrentHashMap<>();

    /** Consecutive failures and when the next attempt may come. Immutable, replaced atomically. */
    record Failures(int count, long lastAt, long notBefore) {

        Failures after(int freeFailures, long now) {
            int failed = count + 1;
            long wait = failed <= freeFailures ? 0 : waitNanos(failed - freeFailures);
            return new Failures(failed, now, now + wait);
        }

        static long waitNanos(int beyondFree) {
            long first = FIRST_WAIT.toNanos();
            long longest = LONGEST_WAIT.toNanos();
            return beyondFree > 30 ? longest : Math.min(longest, first << (beyondFree - 1));
        }
    }

    /** Refuses (429) while the account or the address must wait; otherwise lets the attempt go ahead. */
    public void checkSignIn(String username, String address) {
        long now = System.nanoTime();
        long wait = Math.max(waiting(accounts.get(key(username)), now), waiting(addresses.get(address), now));
        if (wait > 0) {
            throw new ParleyException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed sign-ins; try again in " + seconds(wait) + " s",
                    Duration.ofSeconds(seconds(wait)));
        }
    }

    public void failed(String username, String address) {
        long now = System.nanoTime();
        accounts.compute(key(username), (k, before) -> (before == null ? new Failures(0, now, now) : before)
                .after(ACCOUNT_FREE_FAILURES, now));
        addresses.compute(address, (k, before) -> (before == null ? new Failures(0, now, now) : before)
                .after(ADDRESS_FREE_FAILURES, now));
        tidy(now);
    }

    public void succeeded(String username, String address) {
        accounts.remove(key(username));
        addresses.remove(address);
    }

    /** Takes a registration from the address's allowance, or refuses (429) when it has none left. */
    public void checkRegistration(String address) {
        double perHour = config.registrationsPerHour();
        int burst = config.registrationBurst();
        long now = System.nanoTime();
        TokenBucket bucket = registrations.computeIfAbsent(address,
                a -> new TokenBucket(perHour / 3600.0, burst, now));
        long wait;
        synchronized (bucket) {
            wait = bucket.tryTake(now) ? 0 : bucket.nanosUntil(1, now);
        }
        if (wait > 0) {
            throw new ParleyException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many new accounts from this address; try again in " + seconds(wait) + " s",
                    Duration.ofSeconds(seconds(wait)));
        }
        if (registrations.size() > TIDY_ABOVE) {
            registrations.values().removeIf(idle -> {
                synchronized (idle) {
                    return idle.isFull(now);
                }
            });
        }
    }

    private void tidy(long now) {
        for (ConcurrentHashMap<String, Failures> failures : java.util.List.of(accounts, addresses)) {
            if (failures.size() > TIDY_ABOVE) {
                failures.values().removeIf(f -> now - f.lastAt() > LONGEST_WAIT.toNanos() && now >= f.notBefore());
            }
        }
    }

    private static long waiting(Failures failures, long now) {
        return failures == null ? 0 : Math.max(0, failures.notBefore() - now);
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999));
    }

    /** Accounts are counted by the name as the protocol compares it: case and spaces do not make a new one. */
    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
