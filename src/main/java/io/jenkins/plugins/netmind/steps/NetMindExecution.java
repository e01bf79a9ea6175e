package io.jenkins.plugins.netmind.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.Connection;
import io.jenkins.plugins.netmind.LogSinks;
import io.jenkins.plugins.netmind.NetMindConnector;
import io.jenkins.plugins.netmind.NetMindLedgers;
import io.jenkins.plugins.netmind.RecordedConnection;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The plumbing every NetMind step execution shares: the run, its log, its ledger, a connection, and ending the step
 * with a failure the user can read. Executions never block the CPS thread: they start the engine, return, and end the
 * step from the engine's completion.
 */
abstract class NetMindExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    /** The credentials id the step named, or null for the global default; what a resume needs to reconnect. */
    private final String credentialsId;

    NetMindExecution(StepContext context, String credentialsId) {
        super(context);
        this.credentialsId = credentialsId;
    }

    final Run<?, ?> run() throws IOException, InterruptedException {
        return getContext().get(Run.class);
    }

    final TaskListener listener() throws IOException, InterruptedException {
        return getContext().get(TaskListener.class);
    }

    final LogSink log() throws IOException, InterruptedException {
        return LogSinks.of(listener());
    }

    /** The build's ledger; endpoints created through {@code connection} are recorded with it. */
    final Ledger ledger(Connection connection) throws IOException, InterruptedException {
        return NetMindLedgers.forRun(run(), connection);
    }

    /** The credentials id the step named, or null. */
    final String credentialsId() {
        return credentialsId;
    }

    /** Connects with the step's credentials, looked up for this run (folder-scoped ones included). */
    final Connection connect() throws IOException, InterruptedException {
        return NetMindConnector.connect(run(), credentialsId);
    }

    /**
     * Connects to act on the build's endpoint {@code serviceId}: with the step's credentials when it names some, else
     * with the credential and API URL the endpoint was created with (the global default for an endpoint this build
     * did not record).
     */
    final Connection connectFor(String serviceId) throws IOException, InterruptedException {
        if (credentialsId != null) {
            return connect();
        }
        Run<?, ?> run = run();
        return NetMindConnector.connectAs(
                run, NetMindLedgers.createdWith(run, serviceId).orElse(RecordedConnection.DEFAULT));
    }

    /** Prints one line to the build log, or nowhere when the log is gone. */
    final void println(String line) {
        try {
            listener().getLogger().println(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the build is gone: nobody reads its log any more
        }
    }

    /** Ends the step with {@code failure}, shown as the user should see it. */
    final void fail(Throwable failure) {
        getContext().onFailure(StepFailures.forBuild(failure));
    }
}
