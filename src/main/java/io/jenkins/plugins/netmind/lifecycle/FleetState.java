package io.jenkins.plugins.netmind.lifecycle;

/** What an endpoint on NetMind is to this controller (see {@link Fleet#classify}). */
public enum FleetState {
    /** This controller's, tracked by its registry, and its build is running. */
    OWNED,
    /** This controller's, tracked by its registry and parked in the warm pool (issue 13). */
    PARKED,
    /** This controller's, and its owning build is no longer running: the sweep deletes it. */
    ORPHAN,
    /** This controller's, and past the expiry in its marker: the sweep deletes it, even while its build runs. */
    EXPIRED,
    /** Managed by another controller, or by an older version that named no controller: shown, never touched. */
    OTHER_CONTROLLER,
    /** Not created by this plugin (no marker): shown, never touched. */
    UNMANAGED;

    /** Whether this controller may delete an endpoint in this state (the page's Delete button). */
    public boolean isThisControllers() {
        return this == OWNED || this == PARKED || this == ORPHAN || this == EXPIRED;
    }

    /** Whether the sweep deletes an endpoint in this state. */
    public boolean isSwept() {
        return this == ORPHAN || this == EXPIRED;
    }

    /** The state in words, for the page and the log. */
    public String label() {
        return switch (this) {
            case OWNED -> Messages.FleetState_owned();
            case PARKED -> Messages.FleetState_parked();
            case ORPHAN -> Messages.FleetState_orphan();
            case EXPIRED -> Messages.FleetState_expired();
            case OTHER_CONTROLLER -> Messages.FleetState_otherController();
            case UNMANAGED -> Messages.FleetState_unmanaged();
        };
    }
}
