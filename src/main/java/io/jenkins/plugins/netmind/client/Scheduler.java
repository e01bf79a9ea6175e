package io.jenkins.plugins.netmind.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs tasks later without holding a thread while it waits. */
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @return a handle that can cancel the task before it runs
     */
    Handle schedule(Duration delay, Runnable task);

    /** A scheduled task. */
    interface Handle {
        /** Cancels the task if it has not run yet; returns whether it was cancelled. */
        boolean cancel();
    }

    /** The production scheduler: delegates to a shared {@link ScheduledExecutorService}. */
    static Scheduler of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (delay, task) -> {
            long nanos = Math.max(0, delay.toNanos());
            ScheduledFuture<?> future = executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
