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
    /** Create, get or update: the service ends in status {@code failed} with a {@code status_info}. */
    TERMINAL_FAILURE;

    /** Every kind. */
    public static Set<FaultKind> all() {
        return EnumSet.allOf(FaultKind.class);
    }

    /** Whether this kind makes sense on {@code route}. */
    public boolean appliesTo(Route route) {
        return switch (this) {
            case CREATED_BUT_RESPONSE_LOST -> route == Route.CREATE;
            case TERMINAL_FAILURE -> route == Route.CREATE || route == Route.GET || route == Route.UPDATE;
            default -> route != Route.OTHER;
        };
    }
}
