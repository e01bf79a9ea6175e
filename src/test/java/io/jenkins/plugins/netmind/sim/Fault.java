package io.jenkins.plugins.netmind.sim;

import java.time.Duration;

/**
 * One injected fault.
 *
 * @param kind what it does
 * @param status the HTTP status for answering kinds (429, 5xx or any status given to {@code respond})
 * @param retryAfterSeconds the {@code Retry-After} value, or null for none
 * @param body the answer's body, or null for a NetMind-like JSON error
 * @param latency the delay for {@link FaultKind#LATENCY}
 * @param statusInfo the {@code status_info} for {@link FaultKind#TERMINAL_FAILURE}
 * @param failStatus the status a {@link FaultKind#TERMINAL_FAILURE} shows ({@code failed} unless told)
 */
public record Fault(
        FaultKind kind,
        int status,
        Integer retryAfterSeconds,
        String body,
        Duration latency,
        String statusInfo,
        String failStatus) {

    static Fault respond(int status, Integer retryAfterSeconds, String body) {
        FaultKind kind =
                switch (status) {
                    case 429 -> retryAfterSeconds == null ? FaultKind.RATE_LIMIT_NO_RETRY_AFTER : FaultKind.RATE_LIMIT;
                    case 500 -> FaultKind.SERVER_ERROR_500;
                    case 502 -> FaultKind.BAD_GATEWAY_502;
                    case 503 -> FaultKind.UNAVAILABLE_503;
                    default -> null;
                };
        return new Fault(kind, status, retryAfterSeconds, body, null, null, "failed");
    }

    static Fault latency(Duration latency) {
        return new Fault(FaultKind.LATENCY, 0, null, null, latency, null, "failed");
    }

    static Fault of(FaultKind kind) {
        return new Fault(kind, 0, null, null, null, null, "failed");
    }

    static Fault terminal(String statusInfo) {
        return terminal("failed", statusInfo);
    }

    static Fault terminal(String failStatus, String statusInfo) {
        return new Fault(FaultKind.TERMINAL_FAILURE, 0, null, null, null, statusInfo, failStatus);
    }

    /** Whether the fault answers with an HTTP status instead of handling the request. */
    boolean answers() {
        return status > 0;
    }
}
