package io.jenkins.plugins.netmind.safetynet;

import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Repeats an asynchronous attempt until it reports success, waiting a given delay before each retry on a
 * {@link Scheduler} (no thread is held while waiting). Free of Jenkins.
 */
final class Retries {

    /** The safety net's waits between teardown attempts: about two hours in all. */
    static final List<Duration> CLEANUP_DELAYS = List.of(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    private final Scheduler scheduler;
    private final List<Duration> delays;

    Retries(Scheduler scheduler, List<Duration> delays) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.delays = List.copyOf(delays);
    }

    /**
     * Runs {@code attempt} (given its number, from 1) now and again after each delay until it completes with
     * {@code true}. An attempt that fails or throws counts as not done.
     *
     * @return completes with {@code true} once an attempt succeeds, {@code false} when every attempt has failed
     */
    CompletableFuture<Boolean> run(IntFunction<CompletableFuture<Boolean>> attempt) {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        attempt(attempt, 1, outcome);
        return outcome;
    }

    private void attempt(
            IntFunction<CompletableFuture<Boolean>> attempt, int number, CompletableFuture<Boolean> outcome) {
        CompletableFuture<Boolean> result;
        try {
            result = attempt.apply(number);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((done, failure) -> {
            if (failure == null && Boolean.TRUE.equals(done)) {
                outcome.complete(true);
            } else if (number > delays.size()) {
                outcome.complete(false);
            } else {
                scheduler.schedule(delays.get(number - 1), () -> attempt(attempt, number + 1, outcome));
            }
        });
    }
}
