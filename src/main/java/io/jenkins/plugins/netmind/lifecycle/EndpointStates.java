package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Service;

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
            throw new EndpointException(
                    EndpointException.Reason.ENDPOINT_FAILED,
                    Messages.Deploy_terminal(name, String.valueOf(s.status()), s.statusInfoText()));
        }
    }
}
