package io.jenkins.plugins.netmind.sim;

import java.util.EnumSet;
import java.util.Set;

/** The faults the simulator can inject, for {@link Faults#random}. */
public enum FaultKind {
    /** 429 with {@code Retry-After} (seconds). */
    RATE_LIMIT,
    /** 429 without {@code Retry-After}. */
    RATE_LIMIT_NO_RETRY_AFTER,
    /** 500. */
    SERVER_ERROR_500,
    /** 502. */
    BAD_GATEWAY_502,
    /** 503. */
    UNAVAILABLE_503,
    /** The answer comes late (then normally). */
    LATENCY,
    /** The connection is closed without an answer, before anything is done. */
    CONNECTION_RESET,
    /** Create only: the service is created, then the connection is closed without an answer. */
    CREATED_BUT_RESPONSE_LOST,
    /** Any route but create: the request is handled (e.g. the service deleted), then the connection is closed. */
    HANDLED_BUT_RESPONSE_LOST,
    /**
     * Rule only, never random: the request is handled, the headers and half the body are sent, and the connection
     * then stays silent until the simulator closes (a body that never completes).
     */
    STALLED_BODY,
    /** Create, get or update: the service ends in status {@code failed} with a {@code status_info}. */
    TERMINAL_FAILURE;

    /** Every kind random injection uses: all but {@link #STALLED_BODY}, which holds a connection for good. */
    public static Set<FaultKind> all() {
        return EnumSet.complementOf(EnumSet.of(STALLED_BODY));
    }

    /** Whether this kind makes sense on {@code route}. */
    public boolean appliesTo(Route route) {
        return switch (this) {
            case CREATED_BUT_RESPONSE_LOST -> route == Route.CREATE;
            case HANDLED_BUT_RESPONSE_LOST -> route != Route.CREATE && route != Route.OTHER;
            case STALLED_BODY -> route != Route.OTHER;
            case TERMINAL_FAILURE -> route == Route.CREATE || route == Route.GET || route == Route.UPDATE;
            default -> route != Route.OTHER;
        };
    }
}
