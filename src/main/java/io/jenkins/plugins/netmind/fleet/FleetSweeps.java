package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.netmind.lifecycle.FleetState;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import io.jenkins.plugins.netmind.safetynet.FleetSweep;
import io.jenkins.plugins.netmind.safetynet.SweepReport;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/** The page's view of the fleet sweep (safety net): its last run in words, and running it now. */
final class FleetSweeps {

    private static final Logger LOGGER = Logger.getLogger(FleetSweeps.class.getName());

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private FleetSweeps() {}

    /** The last run's report, or null before the first has ended. */
    @CheckForNull
    static SweepReport lastRun() {
        return FleetSweep.get().getLastRun();
    }

    /**
     * "2026-12-01 03:30:12 UTC, 2s, through 1 connection(s): 1 owned, build running, 1 orphan; deleted 1", or that it
     * has not run yet.
     */
    static String summary(@CheckForNull SweepReport report) {
        if (report == null) {
            return Messages.FleetSweeps_notYet();
        }
        List<String> seen = new ArrayList<>();
        for (Map.Entry<FleetState, Integer> count : report.getCounts().entrySet()) {
            if (count.getValue() > 0) {
                seen.add(Messages.FleetSweeps_count(
                        count.getValue(), count.getKey().label()));
            }
        }
        long deleted = report.getDeletions().stream()
                .filter(SweepReport.Deletion::isGone)
                .count();
        return Messages.FleetSweeps_summary(
                TIME.format(report.getFinishedAt()),
                Texts.duration(Duration.between(report.getStartedAt(), report.getFinishedAt())),
                report.getConnections().size(),
                seen.isEmpty() ? Messages.FleetSweeps_nothingSeen() : String.join(", ", seen),
                deleted);
    }

    /** Runs the sweep now (or joins the one running), waiting at most {@code wait}, and says what it did. */
    static String sweepNow(String user, Duration wait) throws InterruptedException {
        LOGGER.info(Messages.FleetSweeps_requested(user));
        try {
            return Messages.FleetSweeps_ran(
                    summary(FleetSweep.get().sweepNow().get(wait.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (TimeoutException e) {
            return Messages.FleetSweeps_stillRunning(Texts.duration(wait));
        } catch (ExecutionException e) {
            return Messages.FleetSweeps_ran(summary(lastRun()));
        }
    }
}
