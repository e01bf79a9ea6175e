package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.lifecycle.ResumeState;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The lifecycle's {@link ResumeState} as a Pipeline program saves it. Pipeline saves a running step's execution with
 * JBoss Marshalling (River), which restores an object by setting its fields; River releases before 2.1 have no record
 * support, and a record's final fields cannot be set that way, so a record in the saved program could make the build
 * fail to load after a restart. This plain class holds the same values and turns back into the record when the step
 * resumes. Times are kept as epoch milliseconds, as {@code SleepStep} and {@code TimeoutStep} keep theirs. Holds no
 * secret.
 */
final class SavedResumeState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String serviceId;
    /** The deploy's deadline, epoch milliseconds. */
    private long deadlineMillis;

    private final String readinessPath;
    private final boolean sendTokenToEndpoint;
    private final String flavorId;
    private final String flavorName;
    private final BigDecimal pricePerHour;
    private final String paymentType;
    private final int instances;
    /** When the create was answered, epoch milliseconds; {@link #NONE} before. */
    private long createdAtMillis;

    /**
     * Read only: the times as saved by the first release, as {@code Instant}s (null in what this release saves).
     *
     * @deprecated kept so that a program saved before the change to epoch milliseconds still loads
     */
    @Deprecated
    private Instant deadline;

    /** @deprecated read only, see {@link #deadline} */
    @Deprecated
    private Instant createdAt;

    private static final long NONE = Long.MIN_VALUE;

    private SavedResumeState(ResumeState state) {
        this.name = state.name();
        this.serviceId = state.serviceId();
        this.deadlineMillis = state.deadline().toEpochMilli();
        this.readinessPath = state.readinessPath();
        this.sendTokenToEndpoint = state.sendTokenToEndpoint();
        this.flavorId = state.flavorId();
        this.flavorName = state.flavorName();
        this.pricePerHour = state.pricePerHour();
        this.paymentType = state.paymentType();
        this.instances = state.instances();
        this.createdAtMillis =
                state.createdAt() == null ? NONE : state.createdAt().toEpochMilli();
    }

    /** The values of {@code state}, or null for null. */
    static SavedResumeState of(ResumeState state) {
        return state == null ? null : new SavedResumeState(state);
    }

    /** The lifecycle's record again. */
    ResumeState toResumeState() {
        return new ResumeState(
                name,
                serviceId,
                deadline != null ? deadline : Instant.ofEpochMilli(deadlineMillis),
                readinessPath,
                sendTokenToEndpoint,
                flavorId,
                flavorName,
                pricePerHour,
                paymentType,
                instances,
                createdAt != null ? createdAt : createdAtMillis == NONE ? null : Instant.ofEpochMilli(createdAtMillis));
    }

    /** The endpoint name. */
    String name() {
        return name;
    }
}
