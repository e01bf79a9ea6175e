package io.jenkins.plugins.netmind.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One kind of wait driven by a {@link PollLoop}: what to call, when the answer means done, which failures to ride out.
 *
 * @param <R> the call's answer
 * @param <T> the wait's result
 */
interface Poller<R, T> {

    /** Makes one call. */
    CompletableFuture<R> call();

    /** Returns the result when {@code answer} ends the wait, null to keep waiting; throws to fail the wait. */
    T evaluate(R answer);

    /** Returns to keep waiting after a failed call (with the server's Retry-After, if any); throws to fail. */
    Optional<Duration> tolerate(Throwable failure);

    /** The failure to report when the deadline passes. */
    RuntimeException timedOut();

    /** Writes a heartbeat line (called after a long silence in the log). */
    void heartbeat(Duration waited);
}
