package io.jenkins.plugins.netmind.sim;

import java.time.Duration;
import java.time.Instant;

/** The simulator's mutable state of one service; every method is synchronized. */
final class SimService {

    final String id;
    final String name;
    final String description;
    final String paymentType;
    final SimFlavor flavor;
    final String scaleType;
    final String imageUrl;
    final String command;
    final int port;
    final int gpuNum;
    final Instant createdAt;

    /** The token of the account that created it. */
    volatile String account;

    private int instances;
    private int targetInstances;
    private Instant updatedAt;
    private Instant readyAt;
    private Instant failAt;
    private String failInfo;
    private String failStatus = "failed";
    private Instant deletedAt;
    private Instant endpointReadyAt;

    SimService(
            String id,
            String name,
            String description,
            String paymentType,
            SimFlavor flavor,
            String scaleType,
            int instances,
            String imageUrl,
            String command,
            int port,
            int gpuNum,
            Instant now,
            Duration readyDelay,
            Duration endpointLag) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.paymentType = paymentType;
        this.flavor = flavor;
        this.scaleType = scaleType;
        this.imageUrl = imageUrl;
        this.command = command;
        this.port = port;
        this.gpuNum = gpuNum;
        this.createdAt = now;
        this.updatedAt = now;
        this.instances = instances;
        this.targetInstances = instances;
        this.readyAt = now.plus(readyDelay);
        this.endpointReadyAt = readyAt.plus(endpointLag);
    }

    /** A snapshot at {@code now}. */
    synchronized View view(Instant now) {
        String status;
        int shownInstances = instances;
        String info = null;
        if (deletedAt != null) {
            status = "deleted";
        } else if (failAt != null && !now.isBefore(failAt)) {
            status = failStatus;
            info = failInfo;
        } else if (!now.isBefore(readyAt)) {
            status = "available";
            shownInstances = targetInstances;
        } else {
            status = "initializing";
        }
        return new View(this, status, info, shownInstances, updatedAt, deletedAt);
    }

    /** The instances it holds (the larger of running and targeted), 0 once deleted. */
    synchronized int heldInstances() {
        return deletedAt != null ? 0 : Math.max(instances, targetInstances);
    }

    synchronized boolean isDeleted() {
        return deletedAt != null;
    }

    /** Whether the endpoint URL answers 200 at {@code now}. */
    synchronized boolean endpointReady(Instant now) {
        return deletedAt == null
                && (failAt == null || now.isBefore(failAt))
                && !now.isBefore(readyAt)
                && !now.isBefore(endpointReadyAt);
    }

    /** The moment it became available, when it is available at {@code now}. */
    synchronized Instant availableAt(Instant now) {
        boolean failed = failAt != null && !now.isBefore(failAt);
        return deletedAt == null && !failed && !now.isBefore(readyAt) ? readyAt : null;
    }

    synchronized void scale(int target, Instant now, Duration delay, Duration endpointLag) {
        if (!now.isBefore(readyAt)) {
            instances = targetInstances;
        }
        targetInstances = target;
        updatedAt = now;
        readyAt = now.plus(delay);
        endpointReadyAt = readyAt.plus(endpointLag);
    }

    synchronized void fail(Instant at, String status, String info) {
        failAt = at;
        failStatus = status;
        failInfo = info;
    }

    synchronized Instant readyAt() {
        return readyAt;
    }

    synchronized void delete(Instant now) {
        deletedAt = now;
        updatedAt = now;
    }

    /** A consistent snapshot for rendering. */
    record View(
            SimService service,
            String status,
            String statusInfo,
            int instances,
            Instant updatedAt,
            Instant deletedAt) {}
}
