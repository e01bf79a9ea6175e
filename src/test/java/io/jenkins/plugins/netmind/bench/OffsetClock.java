package io.jenkins.plugins.netmind.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that can be moved forward: the simulator's clock in the restart run, so that every
 * endpoint turns available at a moment the benchmark chooses (after the restart) instead of a fixed delay after its
 * create. Only the simulator uses it; Jenkins and the plugin keep the real clock.
 */
final class OffsetClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves this clock {@code by} ahead of the system clock (cumulative). */
    void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
