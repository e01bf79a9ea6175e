package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Service;
import java.util.Set;

/** The two ways a waited-for endpoint ends a wait at once: it is gone, or NetMind says it failed for good. */
final class EndpointStates {

    private EndpointStates() {}

    /** The failure for an endpoint that disappeared while it was waited for. */
    static EndpointException vanished(String name, String serviceId) {
        return new EndpointException(
                EndpointException.Reason.ENDPOINT_FAILED, Messages.Deploy_vanished(name, serviceId));
    }

    /** Fails when {@code s} is deleted. */
    static void failIfGone(Service s, String name, String serviceId) {
        if (s.isGone()) {
            throw vanished(name, serviceId);
        }
    }

    /** Fails, with NetMind's {@code status_info}, when {@code s} has a terminal failure status. */
    static void failIfTerminal(Service s, String name) {
        if (s.isTerminalFailure()) {
            String info = s.statusInfoText();
            throw new EndpointException(
                    EndpointException.Reason.ENDPOINT_FAILED,
                    info.isEmpty()
                            ? Messages.Deploy_terminalNoInfo(name, statusOf(s))
                            : Messages.Deploy_terminal(name, statusOf(s), info));
        }
    }

    /** The status for a message: never "null". */
    static String statusOf(Service s) {
        String status = s.status();
        return status == null || status.isBlank() ? Messages.Deploy_noStatus() : status;
    }

    /**
     * Logs once per wait ({@code seen} remembers) a status NetMind does not document: the wait goes on, but the user
     * learns which status it saw.
     */
    static void noteUnknown(Service s, String name, Set<String> seen, WaitLog log) {
        if (!s.isKnownStatus() && seen.add(statusOf(s))) {
            log.line(Messages.Deploy_unknownStatus(name, statusOf(s)));
        }
    }
}
