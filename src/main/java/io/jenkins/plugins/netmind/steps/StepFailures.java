package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.lifecycle.EndpointException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what the engine failed with into what the build shows: a failure the user can act on becomes an
 * {@link AbortException} carrying the engine's message (printed as one {@code ERROR:} line, no stack trace); anything
 * else (a bug) keeps its stack trace.
 */
final class StepFailures {

    private StepFailures() {}

    /** The failure to end a step with. */
    static Throwable forBuild(Throwable failure) {
        Throwable cause = unwrap(failure);
        EndpointException endpoint = EndpointException.unwrap(cause);
        if (endpoint != null) {
            return abort(endpoint.getMessage(), endpoint);
        }
        NetMindException netmind = NetMindException.unwrap(cause);
        if (netmind != null) {
            return abort(netmind.getMessage(), netmind);
        }
        if (cause instanceof IllegalArgumentException) {
            return abort(cause.getMessage(), cause);
        }
        return cause;
    }

    /** The one-line message of a failure, as {@link #forBuild} would show it. */
    static String message(Throwable failure) {
        Throwable shown = forBuild(failure);
        return shown.getMessage() != null ? shown.getMessage() : shown.toString();
    }

    /** No cause attached: the build keeps the failure, and NetMind's exceptions need not be serializable. */
    private static AbortException abort(String message, Throwable cause) {
        return new AbortException(message != null ? message : cause.toString());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
