package io.jenkins.plugins.netmind.sim;

import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Scheduler} for tests: records every requested delay and runs the task at once, on the calling thread.
 * With a {@link ManualClock} it can also move the clock by each delay, so time passes as if the waits happened.
 */
public final class ImmediateScheduler implements Scheduler {

    private final List<Duration> delays = new ArrayList<>();
    private final ManualClock clock;

    /** Runs tasks at once without touching any clock. */
    public ImmediateScheduler() {
        this(null);
    }

    /** Runs tasks at once after moving {@code clock} forward by the delay (null: no clock). */
    public ImmediateScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public Handle schedule(Duration delay, Runnable task) {
        synchronized (delays) {
            delays.add(delay);
        }
        if (clock != null) {
            clock.advance(delay);
        }
        task.run();
        return () -> false;
    }

    /** The delays requested so far, in order. */
    public List<Duration> delays() {
        synchronized (delays) {
            return List.copyOf(delays);
        }
    }
}
