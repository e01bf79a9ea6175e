package hudson.model;

import java.io.PrintStream;

/** Stub. */
public interface TaskListener {
    TaskListener NULL = null;

    PrintStream getLogger();
}
