package io.jenkins.plugins.netmind.lifecycle;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a deploy in progress (from {@link EndpointEngine#deploy} or {@link EndpointEngine#resume}). Holds no
 * thread; all methods return at once.
 */
public final class Deployment {

    private final DeployRun run;
    private final CompletableFuture<DeployResult> result;

    Deployment(DeployRun run) {
        this.run = run;
        this.result = run.result().copy();
    }

    /** The endpoint name (chosen before create is sent). */
    public String name() {
        return run.name();
    }

    /** NetMind's service id, once create has answered. */
    public Optional<String> serviceId() {
        return Optional.ofNullable(run.serviceId());
    }

    /**
     * What a resume needs, as of now. It gains the service id when create answers (the ledger's CREATED entry shows
     * the same moment), so save it again then.
     */
    public ResumeState resumeState() {
        return run.resumeState();
    }

    /**
     * Completes with the ready endpoint, or fails with an {@link EndpointException} after the engine deleted what it
     * had created (reason {@code CANCELLED} after {@link #cancel()}).
     */
    public CompletableFuture<DeployResult> result() {
        return result;
    }

    /**
     * The place of this deploy in the capacity guard's queue (from 1), or 0 when it is not waiting for capacity (not
     * yet asked, admitted, or without a guard).
     */
    public int capacityQueuePlace() {
        return run.capacityQueuePlace();
    }

    /**
     * Stops the deploy at whatever point it is and deletes the endpoint if it exists (also after a successful deploy:
     * the endpoint's life ends with its deployment). A create still in flight is awaited and what it created is
     * deleted. Completes when the endpoint is confirmed gone; fails with an {@link EndpointException} when it may
     * still exist (the ledger keeps it then).
     */
    public CompletableFuture<Void> cancel() {
        return run.cancel().copy();
    }

    @Override
    public String toString() {
        return "Deployment[" + run.name() + ", " + run.serviceId() + "]";
    }
}
