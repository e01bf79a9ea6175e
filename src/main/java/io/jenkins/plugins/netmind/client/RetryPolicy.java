package io.jenkins.plugins.netmind.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how long the client retries a call that may succeed later: exponential backoff with full jitter,
 * capped, and a server's {@code Retry-After} honoured up to {@link #maxRetryAfter()}.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param baseDelay the backoff of the first retry before jitter
 * @param maxDelay the cap of the backoff before jitter
 * @param maxRetryAfter the longest {@code Retry-After} the client waits; a longer one ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** Five attempts, 1 s doubling up to 30 s, {@code Retry-After} up to 5 minutes. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

    /** A single attempt. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Checks the components. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry): uniformly random between zero and
     * {@code min(maxDelay, baseDelay * 2^(retry-1))}.
     */
    public Duration backoff(int retry, RandomGenerator random) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long ceiling = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
