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
public final class StepFailures {

    private StepFailures() {}

    /** The failure to end a step with. */
    public static Throwable forBuild(Throwable failure) {
        String message = userMessage(failure);
        // no cause attached: the build keeps the failure, and NetMind's exceptions need not be serializable
        return message != null ? new AbortException(message) : unwrap(failure);
    }

    /** The one-line message of a failure, as the build shows it. */
    public static String message(Throwable failure) {
        String message = userMessage(failure);
        return message != null ? message : String.valueOf(unwrap(failure));
    }

    /** The message meant for the user (from the lifecycle, the client or a parameter check), or null for a bug. */
    public static String userMessage(Throwable failure) {
        Throwable cause = unwrap(failure);
        EndpointException endpoint = EndpointException.unwrap(cause);
        if (endpoint != null) {
            return endpoint.getMessage();
        }
        NetMindException netmind = NetMindException.unwrap(cause);
        if (netmind != null) {
            return netmind.getMessage();
        }
        if (cause instanceof IllegalArgumentException || cause instanceof AbortException) {
            return cause.getMessage();
        }
        return null;
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
