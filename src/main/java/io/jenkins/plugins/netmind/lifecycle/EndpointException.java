package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindException;

/**
 * A lifecycle failure with a user-facing message (from this package's {@code Messages}); wraps the
 * {@link NetMindException} when NetMind caused it.
 */
public class EndpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the lifecycle step failed. */
    public enum Reason {
        /** The caller's settings are wrong (name, flavor, instances ...). */
        INVALID_SPEC,
        /** No flavor fits the request. */
        NO_FLAVOR,
        /** NetMind answered with an error or could not be reached. */
        NETMIND,
        /** NetMind reported a terminal status for the endpoint. */
        ENDPOINT_FAILED,
        /** The deadline passed. */
        TIMEOUT,
        /** The caller cancelled. */
        CANCELLED,
        /** Create's outcome is unknown and the endpoint could not be found. */
        OUTCOME_UNKNOWN,
        /**
         * A limit of the capacity guard or the step's price ceiling refuses the deploy or scale (it can never fit, or
         * does not fit now and may not wait); nothing was created.
         */
        OVER_LIMIT
    }

    private final Reason reason;

    /** Creates an exception with a user-facing message. */
    public EndpointException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** Creates an exception with a user-facing message and its cause. */
    public EndpointException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }

    /** The NetMind failure behind this one, or null. */
    public NetMindException netmindCause() {
        return NetMindException.unwrap(getCause());
    }

    /** Finds the {@code EndpointException} in a failure's cause chain, or returns null. */
    public static EndpointException unwrap(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof EndpointException e) {
                return e;
            }
            t = t.getCause();
        }
        return null;
    }
}
