package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.lifecycle.TeardownReport;
import java.util.ArrayList;
import java.util.List;

/** What the build shows when a teardown leaves endpoints behind (Pipeline steps and the freestyle wrapper). */
public final class TeardownMessages {

    private TeardownMessages() {}

    /** One line naming every endpoint that may still exist, and why; null when every endpoint is gone. */
    static String failure(TeardownReport report) {
        if (report.allGone()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (TeardownReport.Item item : report.failures()) {
            parts.add(Messages.TeardownExecution_itemFailed(item.name(), item.serviceId(), reason(item)));
        }
        return Messages.TeardownExecution_failed(parts.size(), String.join("; ", parts));
    }

    /** Why the endpoints of a teardown may still exist, or null when all are gone. */
    public static String problem(TeardownReport report, Throwable failure) {
        if (failure != null) {
            return StepFailures.message(failure);
        }
        if (report == null || report.allGone()) {
            return null;
        }
        return reason(report.failures().get(0));
    }

    private static String reason(TeardownReport.Item item) {
        return item.message() != null ? item.message() : item.outcome().toString();
    }
}
