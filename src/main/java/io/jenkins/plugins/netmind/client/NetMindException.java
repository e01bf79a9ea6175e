package io.jenkins.plugins.netmind.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A NetMind call that failed: carries the HTTP method, the path, the status (0 when no response came), NetMind's
 * own message, what kind of failure it is and whether retrying can help. The message names method, path and status
 * and tells the user what to do. It never contains the API token.
 */
public class NetMindException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** 400/422: NetMind rejected the request's content. */
        BAD_REQUEST,
        /** 401/403: the token is wrong or the API URL is not NetMind's. */
        UNAUTHORIZED,
        /** 404: unknown service or route. */
        NOT_FOUND,
        /** 429: too many requests. */
        RATE_LIMITED,
        /** 5xx. */
        SERVER_ERROR,
        /** The connection could not be made: the request never reached NetMind. */
        CONNECTION,
        /** No answer in time. */
        TIMEOUT,
        /** A create whose answer was lost: NetMind may or may not have created the service. */
        OUTCOME_UNKNOWN,
        /** An answer this client cannot read. */
        INVALID_RESPONSE,
        /** Anything else. */
        OTHER
    }

    private final String method;
    private final String path;
    private final int status;
    private final String netmindMessage;
    private final Kind kind;
    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * Creates an exception; {@code message} is the user-facing text (from {@code Messages}).
     *
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    public NetMindException(
            String message,
            String method,
            String path,
            int status,
            String netmindMessage,
            Kind kind,
            boolean retryable,
            Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.status = status;
        this.netmindMessage = netmindMessage;
        this.kind = kind;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** The HTTP method, e.g. {@code POST}. */
    public String method() {
        return method;
    }

    /** The request path, e.g. {@code /v1/inference-service}. */
    public String path() {
        return path;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** NetMind's own message from the response body, or an empty string. */
    public String netmindMessage() {
        return netmindMessage == null ? "" : netmindMessage;
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** Whether repeating the same call later may succeed (false for a create whose outcome is unknown). */
    public boolean isRetryable() {
        return retryable;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Finds the {@code NetMindException} in a failure's cause chain (e.g. inside a {@link CompletionException} or
     * {@link ExecutionException}), or returns null when there is none.
     */
    public static NetMindException unwrap(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof NetMindException e) {
                return e;
            }
            t = t.getCause();
        }
        return null;
    }
}
