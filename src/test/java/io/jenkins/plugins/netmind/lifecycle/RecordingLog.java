package io.jenkins.plugins.netmind.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** A {@link LogSink} that keeps the lines, for assertions on what a user would read. */
final class RecordingLog implements LogSink {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void log(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    long count(String fragment) {
        return lines().stream().filter(l -> l.contains(fragment)).count();
    }

    boolean contains(String fragment) {
        return count(fragment) > 0;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
