package io.jenkins.plugins.netmind.freestyle;

import hudson.AbortException;
import io.jenkins.plugins.netmind.steps.StepFailures;
import java.io.IOException;

/**
 * What a freestyle build step throws for a failure of the engine: a one-line {@link AbortException} when the failure
 * has a message for the user (as the Pipeline steps show it), the failure itself otherwise.
 */
final class BuildFailures {

    private BuildFailures() {}

    /** The exception to throw for {@code failure}; runtime exceptions and errors without a user message are rethrown. */
    static IOException of(Throwable failure) {
        Throwable shown = StepFailures.forBuild(failure);
        if (shown instanceof IOException io) {
            return io;
        }
        if (shown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (shown instanceof Error error) {
            throw error;
        }
        return new IOException(shown);
    }
}
