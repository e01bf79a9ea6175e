package io.jenkins.plugins.netmind.safetynet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private final ImmediateScheduler scheduler = new ImmediateScheduler();
    private final List<Duration> delays = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2));

    @Test
    void stopsAtTheFirstSuccessWithoutWaiting() {
        assertTrue(new Retries(scheduler, delays)
                .run(n -> CompletableFuture.completedFuture(true))
                .join());
        assertEquals(List.of(), scheduler.delays());
    }

    @Test
    void retriesAfterEachDelayUntilItWorks() {
        List<Integer> attempts = new ArrayList<>();
        boolean done = new Retries(scheduler, delays)
                .run(n -> {
                    attempts.add(n);
                    return CompletableFuture.completedFuture(n == 3);
                })
                .join();
        assertTrue(done);
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1)), scheduler.delays());
    }

    @Test
    void failuresAndThrowsCountAsNotDoneAndItGivesUpAfterTheLastDelay() {
        List<Integer> attempts = new ArrayList<>();
        boolean done = new Retries(scheduler, delays)
                .run(n -> {
                    attempts.add(n);
                    if (n == 1) {
                        throw new IllegalStateException("boom");
                    }
                    return n == 2
                            ? CompletableFuture.failedFuture(new RuntimeException("503"))
                            : CompletableFuture.completedFuture(false);
                })
                .join();
        assertFalse(done);
        assertEquals(List.of(1, 2, 3, 4), attempts);
        assertEquals(delays, scheduler.delays());
    }

    @Test
    void theSafetyNetKeepsTryingForAboutTwoHours() {
        Duration total = Retries.CLEANUP_DELAYS.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofMinutes(90)) >= 0, total.toString());
        assertTrue(total.compareTo(Duration.ofHours(3)) <= 0, total.toString());
    }
}
