package io.jenkins.plugins.netmind.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The poll intervals: near 1 s at first, at most 5 % of the total wait, capped, jittered downward only. */
class PollPolicyTest {

    private final PollPolicy policy = PollPolicy.DEFAULT;

    @Test
    void startsNearOneSecond() {
        Duration first = policy.nextDelay(Duration.ZERO, new Random(1));
        assertTrue(
                first.compareTo(Duration.ofMillis(950)) >= 0 && first.compareTo(Duration.ofSeconds(1)) <= 0,
                first.toString());
    }

    @Test
    void neverMoreThanFivePercentOfTheTotalWaitOnceAboveTheFloorAndCapped() {
        Random random = new Random(2);
        for (long s = 20; s < 3600; s += 7) {
            Duration waited = Duration.ofSeconds(s);
            Duration d = policy.nextDelay(waited, random);
            double share = d.toNanos() / (double) waited.plus(d).toNanos();
            assertTrue(share <= 0.05 + 1e-9, "at " + s + " s: " + d);
            assertTrue(d.compareTo(Duration.ofSeconds(30)) <= 0, d.toString());
        }
        assertTrue(policy.nextDelay(Duration.ofHours(5), random).compareTo(Duration.ofMillis(28_500)) >= 0);
    }

    @Test
    void jitterOnlyShortens() {
        Random random = new Random(3);
        Duration waited = Duration.ofMinutes(5);
        Duration unjittered = new PollPolicy(
                        Duration.ofSeconds(1), 0.05, Duration.ofSeconds(30), 0, Duration.ofMinutes(1))
                .nextDelay(waited, random);
        boolean varied = false;
        for (int i = 0; i < 200; i++) {
            Duration d = policy.nextDelay(waited, random);
            assertTrue(d.compareTo(unjittered) <= 0);
            assertTrue(d.toNanos() >= unjittered.toNanos() * 0.95 - 1);
            varied |= !d.equals(unjittered);
        }
        assertTrue(varied);
    }

    @Test
    void retryAfterLengthensButNeverShortens() {
        Random random = new Random(4);
        assertEquals(
                Duration.ofSeconds(20),
                policy.nextDelay(Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(20)), random));
        Duration d = policy.nextDelay(Duration.ofMinutes(20), Optional.of(Duration.ofSeconds(1)), random);
        assertTrue(d.compareTo(Duration.ofSeconds(20)) > 0, d.toString());
    }

    @Test
    void aFifteenMinuteWaitCostsAtMostAHundredCalls() {
        for (long seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            Duration waited = Duration.ZERO;
            int calls = 0;
            while (waited.compareTo(Duration.ofMinutes(15)) < 0) {
                waited = waited.plus(policy.nextDelay(waited, random));
                calls++;
            }
            assertTrue(calls <= 100, "seed " + seed + ": " + calls + " calls");
        }
    }

    @Test
    void scaledKeepsTheShape() {
        PollPolicy fast = policy.scaled(0.001);
        assertEquals(Duration.ofMillis(1), fast.initial());
        assertEquals(Duration.ofMillis(30), fast.max());
        assertEquals(Duration.ofMillis(60), fast.heartbeat());
        assertEquals(policy.fraction(), fast.fraction());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PollPolicy(Duration.ZERO, 0.05, Duration.ofSeconds(1), 0, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PollPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30), 0, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PollPolicy(Duration.ofSeconds(1), 0.05, Duration.ofSeconds(30), 1, Duration.ZERO));
    }
}
