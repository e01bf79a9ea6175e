package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Deadlines;
import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives a {@link Poller} on the scheduler until it is done, fails, is stopped or its deadline passes. Holds no thread
 * while it waits: between calls it is a scheduled task, during a call a callback on the call's future. The deadline
 * holds while a call is in flight too (a body that trickles, a connection that died silently): the wait times out
 * then, or {@link #IN_FLIGHT_GRACE} after the call started when that is later, and the late answer is ignored.
 */
final class PollLoop<R, T> {

    /** The least time a call started just before the deadline gets to answer. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(1);

    /** A call still in flight at the deadline. */
    private static final class InFlightAtDeadline extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InFlightAtDeadline() {
            super("in flight at the deadline", null, false, false);
        }
    }

    private final Env env;
    private final Poller<R, T> poller;
    private final WaitLog log;
    private final Instant start;
    private final Instant deadline;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicReference<Scheduler.Handle> timer = new AtomicReference<>();

    /**
     * @param start when the wait began (the intervals grow with the time since)
     * @param deadline when the wait times out
     */
    PollLoop(Env env, Poller<R, T> poller, WaitLog log, Instant start, Instant deadline) {
        this.env = env;
        this.poller = poller;
        this.log = log;
        this.start = start;
        this.deadline = deadline;
    }

    /** Starts polling after {@code firstDelay}; the future completes with the poller's result or failure. */
    CompletableFuture<T> start(Duration firstDelay) {
        schedule(firstDelay);
        return result;
    }

    /** Ends the wait with {@code reason} (no-op when it already ended); an answer still in flight is ignored. */
    void stop(Throwable reason) {
        if (result.completeExceptionally(reason)) {
            Scheduler.Handle h = timer.getAndSet(null);
            if (h != null) {
                h.cancel();
            }
        }
    }

    private void schedule(Duration delay) {
        if (result.isDone()) {
            return;
        }
        Duration left = Duration.between(env.clock().instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            result.completeExceptionally(poller.timedOut());
            return;
        }
        Scheduler.Handle h = env.scheduler().schedule(delay.compareTo(left) > 0 ? left : delay, this::poll);
        timer.set(h);
        if (result.isDone() && timer.compareAndSet(h, null)) {
            h.cancel();
        }
    }

    private void poll() {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<R> call;
        try {
            call = poller.call();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        if (!call.isDone()) {
            Duration left = Duration.between(env.clock().instant(), deadline);
            call = Deadlines.bound(
                    call, left.compareTo(IN_FLIGHT_GRACE) < 0 ? IN_FLIGHT_GRACE : left, InFlightAtDeadline::new);
        }
        call.whenComplete(this::answered);
    }

    private void answered(R answer, Throwable failure) {
        if (result.isDone()) {
            return;
        }
        try {
            Optional<Duration> retryAfter = Optional.empty();
            if (failure != null && unwrap(failure) instanceof InFlightAtDeadline) {
                result.completeExceptionally(poller.timedOut());
                return;
            }
            if (failure != null) {
                retryAfter = poller.tolerate(unwrap(failure));
            } else {
                T done = poller.evaluate(answer);
                if (done != null) {
                    result.complete(done);
                    return;
                }
            }
            Instant now = env.clock().instant();
            if (!now.isBefore(deadline)) {
                result.completeExceptionally(poller.timedOut());
                return;
            }
            Duration waited = Duration.between(start, now);
            if (Duration.between(log.lastLine(), now).compareTo(env.policy().heartbeat()) >= 0) {
                poller.heartbeat(waited);
            }
            schedule(env.policy().nextDelay(waited, retryAfter, env.random()));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while (x instanceof CompletionException && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }
}
