package io.jenkins.plugins.netmind.lifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often the engine asks NetMind while it waits. The interval starts at {@code initial} and grows with the time
 * already waited so that it is at most {@code fraction} of the total wait at the moment of the next call, never more
 * than {@code max}; it is jittered downward only (by up to {@code jitter} of itself), and a server's
 * {@code Retry-After} lengthens it. With the defaults a 15-minute wait costs at most about 100 status calls and an
 * endpoint that turns available is seen within max(1 s, 5 % of the time waited). The log gets a heartbeat line every
 * {@code heartbeat} of silence.
 *
 * @param initial the shortest interval (the first one)
 * @param fraction the share of the total wait an interval may reach, in (0, 1)
 * @param max the longest interval
 * @param jitter the share by which an interval is randomly shortened, in [0, 1)
 * @param heartbeat the longest silence in the log while waiting
 */
public record PollPolicy(Duration initial, double fraction, Duration max, double jitter, Duration heartbeat) {

    /** 1 s, 5 %, 30 s, 5 % jitter, heartbeat every minute. */
    public static final PollPolicy DEFAULT =
            new PollPolicy(Duration.ofSeconds(1), 0.05, Duration.ofSeconds(30), 0.05, Duration.ofMinutes(1));

    /** Checks the components. */
    public PollPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || heartbeat.isNegative()) {
            throw new IllegalArgumentException("need 0 < initial <= max and heartbeat >= 0");
        }
        if (!(fraction > 0 && fraction < 1) || !(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("need 0 < fraction < 1 and 0 <= jitter < 1");
        }
    }

    /**
     * The same policy with every duration multiplied by {@code factor} (e.g. {@code 0.001} turns seconds into
     * milliseconds for tests and the chaos run).
     */
    public PollPolicy scaled(double factor) {
        return new PollPolicy(scale(initial, factor), fraction, scale(max, factor), jitter, scale(heartbeat, factor));
    }

    /** The delay before the next call after having waited {@code waited} so far. */
    public Duration nextDelay(Duration waited, RandomGenerator random) {
        return nextDelay(waited, Optional.empty(), random);
    }

    /**
     * The delay before the next call after having waited {@code waited} so far; at least {@code retryAfter} when the
     * server asked for it.
     */
    public Duration nextDelay(Duration waited, Optional<Duration> retryAfter, RandomGenerator random) {
        double waitedNanos = Math.max(0, waited.toNanos());
        // d = fraction * (waited + d)  <=>  d = waited * fraction / (1 - fraction)
        double grown = waitedNanos * fraction / (1 - fraction);
        double base = Math.max(initial.toNanos(), Math.min(max.toNanos(), grown));
        double factor = jitter == 0 ? 1 : 1 - jitter * random.nextDouble();
        Duration delay = Duration.ofNanos((long) (base * factor));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            return retryAfter.get();
        }
        return delay;
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos(Math.max(1, (long) (d.toNanos() * factor)));
    }
}
