package io.jenkins.plugins.netmind.connection;

import io.jenkins.plugins.netmind.client.Scheduler;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduler the plugin waits and retries on: Jenkins' shared timer. While Jenkins shuts down the timer refuses new
 * tasks; such a task is dropped instead of failing its caller, so a wait in progress is left for the step's
 * {@code onResume} after the restart (not ended in an error that deletes the endpoint), and an unfinished cleanup is
 * left to the safety net's sweep at the next start.
 */
public final class TimerScheduler {

    private static final Logger LOGGER = Logger.getLogger(TimerScheduler.class.getName());

    private TimerScheduler() {}

    /**
     * A scheduler on {@code executor} (in production {@code jenkins.util.Timer.get()}) that drops, rather than throws,
     * what the executor refuses.
     */
    public static Scheduler on(ScheduledExecutorService executor) {
        Scheduler delegate = Scheduler.of(executor);
        return (delay, task) -> {
            try {
                return delegate.schedule(delay, task);
            } catch (RejectedExecutionException e) {
                LOGGER.log(Level.FINE, Messages.TimerScheduler_dropped(), e);
                return () -> false;
            }
        };
    }
}
