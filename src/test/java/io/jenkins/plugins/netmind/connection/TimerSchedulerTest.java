package io.jenkins.plugins.netmind.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** While Jenkins shuts down its timer, a wait or retry that schedules its next step is paused, not failed. */
class TimerSchedulerTest {

    @Test
    void runsTasksWhileTheTimerRuns() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch ran = new CountDownLatch(1);
            TimerScheduler.on(timer).schedule(Duration.ZERO, ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void dropsWhatAStoppedTimerRefusesInsteadOfThrowing() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.shutdownNow();
        AtomicBoolean ran = new AtomicBoolean();
        assertThrows(
                RejectedExecutionException.class,
                () -> Scheduler.of(timer).schedule(Duration.ofMillis(1), () -> ran.set(true)),
                "the plain scheduler fails its caller, which would end a wait in an error");

        Scheduler.Handle handle = TimerScheduler.on(timer).schedule(Duration.ofMillis(1), () -> ran.set(true));

        assertFalse(handle.cancel(), "nothing was scheduled");
        assertFalse(ran.get());
    }
}
