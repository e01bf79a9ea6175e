package io.jenkins.plugins.netmind.lifecycle;

import java.time.Clock;
import java.time.Instant;

/** A log sink that remembers when it last wrote, so a wait can tell when a heartbeat is due. */
final class WaitLog {

    private final LogSink sink;
    private final Clock clock;
    private volatile Instant lastLine;

    WaitLog(LogSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
        this.lastLine = clock.instant();
    }

    void line(String text) {
        lastLine = clock.instant();
        sink.log(text);
    }

    Instant lastLine() {
        return lastLine;
    }
}
