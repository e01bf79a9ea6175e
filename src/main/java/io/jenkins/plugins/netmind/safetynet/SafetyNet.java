package io.jenkins.plugins.netmind.safetynet;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.ItemListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The safety net: when a build finishes (any result, aborted included) or is deleted, every endpoint it recorded and
 * NetMind has not confirmed gone is deleted in the background, with retries. At startup the controller-wide registry's
 * leftovers of builds that are no longer running are deleted too.
 */
@Extension
public final class SafetyNet extends RunListener<Run<?, ?>> {

    private final EndpointSweeper sweeper = new EndpointSweeper();

    /** Tells the build log what is left to delete, while it is still open, and starts deleting it. */
    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        List<RecordedEndpoint> pending = EndpointSweeper.pendingOf(run);
        if (!pending.isEmpty()) {
            listener.getLogger()
                    .println(Messages.SafetyNet_deletingLeftovers(pending.size(), EndpointSweeper.names(pending)));
            sweeper.sweep(run, false);
        }
    }

    @Override
    public void onFinalized(Run<?, ?> run) {
        if (!EndpointSweeper.pendingOf(run).isEmpty()) {
            sweeper.sweep(run, false);
        }
    }

    @Override
    public void onDeleted(Run<?, ?> run) {
        sweeper.sweep(run, true);
    }

    /**
     * Warm pool (issue 13): deletes a parked endpoint whose idle time ran out (or that cannot be parked again after a
     * restart) in the background, with the safety net's retries: {@code record} is the pool's record in the registry,
     * which keeps it until NetMind confirms it gone. The credential is looked up in the job of the build that parked it.
     */
    public static CompletableFuture<Boolean> deleteParked(RecordedEndpoint record) {
        SafetyNet net = ExtensionList.lookupSingleton(SafetyNet.class);
        return net.sweeper.sweep(record.getBuildKey(), record.getRunId(), null, null, List.of(record));
    }

    /** Keeps the registry's run ids current when a job (or a folder holding it) is renamed or moved. */
    @Extension
    public static final class Relocations extends ItemListener {
        @Override
        public void onLocationChanged(Item item, String oldFullName, String newFullName) {
            if (item instanceof Job) {
                EndpointRegistry.get().relocated(oldFullName, newFullName);
            }
        }
    }

    /**
     * Starts deleting the registry's leftovers once jobs and builds can be loaded; does not delay startup. Runs on the
     * plugin's own threads: loading builds and connecting is too long a task for {@code jenkins.util.Timer}.
     */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void sweepLeftoversAtStartup() {
        SafetyNet net = ExtensionList.lookupSingleton(SafetyNet.class);
        NetMindThreads.executor().execute(net.sweeper::sweepLeftovers);
    }
}
