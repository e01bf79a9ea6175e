package io.jenkins.plugins.netmind.client;

import io.jenkins.plugins.netmind.client.NetMindException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns HTTP answers and I/O failures into {@link NetMindException}s with messages for users. */
final class Failures {

    private final URI baseUrl;
    private final String secret;
    private final Clock clock;

    Failures(URI baseUrl, String secret, Clock clock) {
        this.baseUrl = baseUrl;
        this.secret = secret;
        this.clock = clock;
    }

    /** A non-success answer; {@code create} is true for the POST that creates a service. */
    NetMindException fromResponse(String method, String path, boolean create, HttpResponse<String> response) {
        int status = response.statusCode();
        String message = JsonText.errorMessage(response.body(), this::hide);
        String shown = message.isEmpty() ? Messages.NetMindException_noMessage() : message;
        Duration retryAfter =
                status == 429 || status == 503 ? retryAfter(response).orElse(null) : null;
        Kind kind;
        String text;
        if (status == 400 || status == 409 || status == 422) {
            kind = Kind.BAD_REQUEST;
            text = Messages.NetMindException_badRequest(method, path, status, shown);
        } else if (status == 401 || status == 403) {
            kind = Kind.UNAUTHORIZED;
            text = Messages.NetMindException_unauthorized(method, path, status, shown, baseUrl);
        } else if (status == 404 && JsonText.isJson(response.body())) {
            kind = Kind.NOT_FOUND;
            text = Messages.NetMindException_notFound(method, path, status, shown, baseUrl);
        } else if (status == 404) {
            // not NetMind's JSON error: a gateway or proxy answered, which proves nothing about the service
            kind = Kind.OTHER;
            text = Messages.NetMindException_notFoundNotNetMind(method, path, status, shown, baseUrl);
        } else if (status == 407) {
            // the proxy between the controller and NetMind answered, not NetMind: the token was never checked
            kind = Kind.OTHER;
            text = Messages.NetMindException_proxyAuthentication(method, path, baseUrl);
        } else if (status == 429) {
            kind = Kind.RATE_LIMITED;
            text = Messages.NetMindException_rateLimited(method, path, status, shown);
        } else if (status >= 500) {
            kind = Kind.SERVER_ERROR;
            text = Messages.NetMindException_serverError(method, path, status, shown);
        } else {
            kind = Kind.OTHER;
            text = Messages.NetMindException_other(method, path, status, shown);
        }
        boolean retryable = kind == Kind.RATE_LIMITED
                || (!create && (kind == Kind.SERVER_ERROR || status == 408 || (status == 404 && kind == Kind.OTHER)));
        return new NetMindException(text, method, path, status, message, kind, retryable, retryAfter, null);
    }

    /** A failure without an answer (connect error, timeout, broken connection). */
    NetMindException fromThrowable(String method, String path, boolean create, Throwable failure, Duration timeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CappedBody.TooLarge tooLarge) {
            return new NetMindException(
                    Messages.NetMindException_tooLarge(method, path, tooLarge.limit() / (1024 * 1024)),
                    method,
                    path,
                    0,
                    "",
                    Kind.INVALID_RESPONSE,
                    false,
                    null,
                    null);
        }
        String detail = hide(describe(cause));
        Kind kind;
        if (isConnectFailure(cause)) {
            kind = Kind.CONNECTION;
        } else if (create) {
            kind = Kind.OUTCOME_UNKNOWN;
        } else if (cause instanceof HttpTimeoutException) {
            kind = Kind.TIMEOUT;
        } else if (cause instanceof IOException) {
            kind = Kind.CONNECTION;
        } else {
            kind = Kind.OTHER;
        }
        String text =
                switch (kind) {
                    case CONNECTION -> Messages.NetMindException_connection(method, path, detail, baseUrl);
                    case OUTCOME_UNKNOWN -> Messages.NetMindException_outcomeUnknown(method, path, detail);
                    case TIMEOUT -> Messages.NetMindException_timeout(method, path, seconds(timeout));
                    default -> Messages.NetMindException_other(method, path, 0, detail);
                };
        boolean retryable = kind == Kind.CONNECTION || kind == Kind.TIMEOUT;
        return new NetMindException(text, method, path, 0, "", kind, retryable, null, keep(cause));
    }

    /** A readiness probe without an answer: kind {@code TIMEOUT} when the request timed out, else {@code CONNECTION}. */
    NetMindException probe(URI url, Throwable failure, Duration timeout) {
        Throwable cause = unwrap(failure);
        String shown =
                url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
        boolean timedOut = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
        String text = timedOut
                ? Messages.Probe_timeout(shown, seconds(timeout))
                : Messages.Probe_connection(shown, hide(String.valueOf(cause.getMessage())));
        Kind kind = timedOut ? Kind.TIMEOUT : Kind.CONNECTION;
        return new NetMindException(text, "GET", url.getRawPath(), 0, "", kind, true, null, keep(cause));
    }

    /** A success answer whose body could not be read. */
    NetMindException invalid(String method, String path, int status, Throwable cause) {
        String detail = hide(describe(cause));
        return new NetMindException(
                Messages.NetMindException_invalidResponse(method, path, status, detail),
                method,
                path,
                status,
                "",
                Kind.INVALID_RESPONSE,
                false,
                null,
                keep(cause));
    }

    /**
     * The cause to attach, or null when a message anywhere in its chain holds the token (the JDK puts a header value
     * it refuses into its message): such an exception is never kept, its text reached the message masked.
     */
    Throwable keep(Throwable cause) {
        if (secret == null || secret.isEmpty()) {
            return cause;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(secret) || t.toString().contains(secret)) {
                return null;
            }
            for (Throwable s : t.getSuppressed()) {
                if (String.valueOf(s).contains(secret)) {
                    return null;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return cause;
    }

    /** The same failure with a note of how many attempts were made. */
    static NetMindException afterAttempts(NetMindException e, int attempts) {
        if (attempts <= 1) {
            return e;
        }
        return copy(e, Messages.NetMindException_attempts(e.getMessage(), attempts));
    }

    /** The same failure noting that NetMind's Retry-After was longer than the client waits. */
    static NetMindException retryAfterTooLong(NetMindException e, Duration asked, Duration max) {
        return copy(e, Messages.NetMindException_retryAfterTooLong(e.getMessage(), seconds(asked), seconds(max)));
    }

    private static NetMindException copy(NetMindException e, String message) {
        return new NetMindException(
                message,
                e.method(),
                e.path(),
                e.status(),
                e.netmindMessage(),
                e.kind(),
                e.isRetryable(),
                e.retryAfter().orElse(null),
                e.getCause());
    }

    static boolean isConnectFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof ConnectException
                    || t instanceof UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "";
        }
        String message = cause.getMessage();
        String name = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    /** A duration in seconds for a message: {@code 0.3}, {@code 60}. */
    static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Removes the token from any text that could reach a user. */
    String hide(String text) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "****");
    }
}
