package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Time that runs {@code speed} times faster than real time: a clock and a real scheduler whose delays are divided by
 * the speed. Engine, client and simulator share it, so waits of minutes take milliseconds while everything still
 * runs concurrently on real threads (the chaos test and the benchmark).
 */
final class FastTime extends Clock implements Scheduler, AutoCloseable {

    private final double speed;
    private final Instant origin = Instant.parse("2025-01-01T00:00:00Z");
    private final long startNanos = System.nanoTime();
    private final ScheduledThreadPoolExecutor executor;

    FastTime(double speed, int threads) {
        this.speed = speed;
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "fast-time");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    double speed() {
        return speed;
    }

    /** The real time a virtual duration takes. */
    Duration real(Duration virtual) {
        return Duration.ofNanos((long) (virtual.toNanos() / speed));
    }

    @Override
    public Instant instant() {
        return origin.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }

    @Override
    public Handle schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, real(delay).toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
