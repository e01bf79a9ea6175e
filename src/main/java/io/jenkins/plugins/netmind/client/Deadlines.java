package io.jenkins.plugins.netmind.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds a call in flight by real time, body included: one shared daemon timer thread whose task only completes a
 * future; no thread waits for the call. The JDK's request timeout covers only the answer's headers, so a body that
 * trickles, or a connection that dies silently after the headers, would otherwise hold a call (and the wait behind it)
 * for ever.
 */
public final class Deadlines {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Deadlines() {}

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "NetMind call deadlines");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /**
     * A future that completes as {@code call} does, or fails with {@code onTimeout} once {@code limit} has passed;
     * then {@code call} is cancelled (for a future from {@code HttpClient.sendAsync} that aborts the exchange).
     */
    public static <T> CompletableFuture<T> bound(
            CompletableFuture<T> call, Duration limit, Supplier<? extends Throwable> onTimeout) {
        CompletableFuture<T> bounded = new CompletableFuture<>();
        long nanos;
        try {
            nanos = Math.max(0, limit.toNanos());
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        ScheduledFuture<?> timer = TIMER.schedule(
                () -> {
                    if (bounded.completeExceptionally(onTimeout.get())) {
                        call.cancel(true);
                    }
                },
                nanos,
                TimeUnit.NANOSECONDS);
        call.whenComplete((value, failure) -> {
            timer.cancel(false);
            if (failure != null) {
                bounded.completeExceptionally(failure);
            } else {
                bounded.complete(value);
            }
        });
        return bounded;
    }
}
