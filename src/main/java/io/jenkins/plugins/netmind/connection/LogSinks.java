package io.jenkins.plugins.netmind.connection;

import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import java.util.Objects;

/** Adapts Jenkins logs to the lifecycle's {@link LogSink}. */
public final class LogSinks {

    private LogSinks() {}

    /** A sink that prints each line to the build log of {@code listener}. */
    public static LogSink of(TaskListener listener) {
        Objects.requireNonNull(listener, "listener");
        return line -> listener.getLogger().println(line);
    }
}
