package io.jenkins.plugins.netmind.lifecycle;

/**
 * Where the engine writes its short, user-facing lines (the Jenkins side maps it to the build log). Implementations
 * must accept calls from any thread.
 */
@FunctionalInterface
public interface LogSink {

    /** A sink that drops every line. */
    LogSink NONE = line -> {};

    /** Writes one line (no trailing newline). */
    void log(String line);
}
