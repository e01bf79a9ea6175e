package io.jenkins.plugins.netmind.fleet;

/** The page's view of the periodic sweep (safety net): its last run in words, and running it now. */
final class FleetSweeps {

    private FleetSweeps() {}

    /** The sweep's last run and what it did, in words. */
    static String lastRun() {
        return Messages.FleetSweeps_notYet();
    }

    /** Runs the sweep now and says what it did. */
    static String sweepNow(String user) throws InterruptedException {
        return Messages.FleetSweeps_notYet();
    }
}
