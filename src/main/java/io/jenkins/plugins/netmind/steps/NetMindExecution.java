package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.connection.LogSinks;
import io.jenkins.plugins.netmind.connection.NetMindConnector;
import io.jenkins.plugins.netmind.connection.NetMindThreads;
import io.jenkins.plugins.netmind.lifecycle.Ledger;
import io.jenkins.plugins.netmind.lifecycle.LogSink;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The plumbing every NetMind step execution shares: the run, its log, its ledger, a connection, and ending the step
 * with a failure the user can read. Executions never block the CPS thread and do no file I/O on it: they hand their
 * work (credential lookups, saving the build and the registry, the engine's first calls) to {@link NetMindThreads},
 * return, and end the step from the engine's completion.
 *
 * <p>The outcome is kept with the program once known: Pipeline keeps a step's outcome in memory until its program
 * moves on, so a program saved between the two would leave the step waiting forever after a restart. {@link
 * #onResume()} therefore delivers a known outcome again (Pipeline ignores a second completion, as for {@code
 * SleepStep}) and otherwise lets the execution {@link #resume()}. {@link #getStatus()} is for thread dumps and stays
 * in English.
 */
abstract class NetMindExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    /**
     * Test only, never set in production: the point (see {@link #stopsForTestsAt}) at which an execution stops as if the
     * controller had died right after saving the program there. Cleared when reached.
     */
    static volatile String stopForTestsAt;

    /** Test only: the points at which an execution stopped for {@link #stopForTestsAt}. */
    static final Set<String> REACHED_FOR_TESTS = ConcurrentHashMap.newKeySet();

    /** The credentials id the step named, or null for the global default; what a resume needs to reconnect. */
    private final String credentialsId;

    /** Whether the step's outcome is known: {@link #result} or {@link #failure}. */
    private volatile boolean completed;

    private Serializable result;
    private Throwable failure;

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

    /** Something to do off the CPS VM thread. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} on the plugin's threads; a failure ends the step. */
    final void inBackground(Work work) {
        NetMindThreads.executor().execute(() -> {
            try {
                work.run();
            } catch (Exception | LinkageError e) {
                fail(e);
            }
        });
    }

    @Override
    public final void onResume() {
        if (completed) {
            deliver();
            return;
        }
        inBackground(this::resume);
    }

    /** Picks up the step's work after a restart; runs off the CPS VM thread. */
    abstract void resume() throws Exception;

    /** Whether the step's outcome is known. */
    final boolean isCompleted() {
        return completed;
    }

    /** Ends the step with {@code value}, remembered until the program moves on. */
    final void succeed(Object value) {
        synchronized (this) {
            result = value instanceof Serializable serializable ? serializable : null;
            failure = null;
            completed = true;
        }
        if (!stopsForTestsAt("delivering")) {
            deliver();
        }
    }

    /** Ends the step with {@code failure}, shown as the user should see it. */
    final void fail(Throwable failure) {
        failWith(StepFailures.forBuild(failure));
    }

    /** Ends the step with {@code cause} as it is (a stop's cause, the block's own failure). */
    final void failWith(Throwable cause) {
        synchronized (this) {
            // what Pipeline can save: its interruptions (FlowInterruptedException) and our one-line failures;
            // anything else as its message
            failure = cause instanceof InterruptedException || cause instanceof AbortException
                    ? cause
                    : new AbortException(String.valueOf(cause));
            result = null;
            completed = true;
        }
        if (!stopsForTestsAt("delivering")) {
            getContext().onFailure(cause);
        }
    }

    private void deliver() {
        Throwable f;
        Serializable r;
        synchronized (this) {
            f = failure;
            r = result;
        }
        if (f != null) {
            getContext().onFailure(f);
        } else {
            getContext().onSuccess(r);
        }
    }

    /**
     * Test only: whether to stop at {@code point} as if the controller died there (the program is saved as it is now).
     * Always false in production.
     */
    static boolean stopsForTestsAt(String point) {
        if (!point.equals(stopForTestsAt)) {
            return false;
        }
        stopForTestsAt = null;
        REACHED_FOR_TESTS.add(point);
        return true;
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
}
