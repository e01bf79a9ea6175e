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
 * resumes. Holds no secret.
 */
final class SavedResumeState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String serviceId;
    private final Instant deadline;
    private final String readinessPath;
    private final boolean sendTokenToEndpoint;
    private final String flavorId;
    private final String flavorName;
    private final BigDecimal pricePerHour;
    private final String paymentType;
    private final int instances;
    private final Instant createdAt;

    private SavedResumeState(ResumeState state) {
        this.name = state.name();
        this.serviceId = state.serviceId();
        this.deadline = state.deadline();
        this.readinessPath = state.readinessPath();
        this.sendTokenToEndpoint = state.sendTokenToEndpoint();
        this.flavorId = state.flavorId();
        this.flavorName = state.flavorName();
        this.pricePerHour = state.pricePerHour();
        this.paymentType = state.paymentType();
        this.instances = state.instances();
        this.createdAt = state.createdAt();
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
                deadline,
                readinessPath,
                sendTokenToEndpoint,
                flavorId,
                flavorName,
                pricePerHour,
                paymentType,
                instances,
                createdAt);
    }

    /** The endpoint name. */
    String name() {
        return name;
    }
}
