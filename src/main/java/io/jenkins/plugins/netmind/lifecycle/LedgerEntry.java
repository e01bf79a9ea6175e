package io.jenkins.plugins.netmind.lifecycle;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One endpoint in a {@link Ledger}.
 *
 * @param name the endpoint name (the key)
 * @param serviceId NetMind's service id, null until known
 * @param state where the endpoint is in its life
 * @param recordedAt when this entry was written
 * @param flavorId the flavor it runs on
 * @param instances the instance count requested
 * @param pricePerHour the flavor's price per instance and hour in {@code paymentType}, null when unknown
 * @param paymentType NetMind's payment type, e.g. {@code usd}
 * @param createdAt when the create call returned, null until then
 * @param nonce the per-deploy nonce written into the endpoint's description ({@link EndpointNames#description}), null
 *     for entries recorded by older versions: an endpoint is adopted or deleted by name only where it matches
 */
public record LedgerEntry(
        String name,
        String serviceId,
        State state,
        Instant recordedAt,
        String flavorId,
        int instances,
        BigDecimal pricePerHour,
        String paymentType,
        Instant createdAt,
        String nonce)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An entry without a nonce (as recorded by older versions, or for an endpoint not deployed by this plugin). */
    public LedgerEntry(
            String name,
            String serviceId,
            State state,
            Instant recordedAt,
            String flavorId,
            int instances,
            BigDecimal pricePerHour,
            String paymentType,
            Instant createdAt) {
        this(name, serviceId, state, recordedAt, flavorId, instances, pricePerHour, paymentType, createdAt, null);
    }

    /** The life of an endpoint as far as the ledger knows it. */
    public enum State {
        /** Create is about to be sent (or was sent and not answered yet). */
        INTENT,
        /** NetMind answered the create with a service id. */
        CREATED,
        /** Delete was sent; NetMind has not confirmed it yet. */
        DELETING,
        /** NetMind confirmed the endpoint gone (or never created). */
        DELETED,
        /**
         * Whether the endpoint exists is uncertain (its create's answer was lost and it was not found by name, or a
         * teardown could not tell): a sweep must look again. {@code recordedAt} is when the uncertainty began, from
         * which the list grace period counts.
         */
        UNKNOWN
    }

    /** Checks the components. */
    public LedgerEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A copy in another state, recorded at {@code now}. */
    public LedgerEntry withState(State newState, Instant now) {
        return new LedgerEntry(
                name, serviceId, newState, now, flavorId, instances, pricePerHour, paymentType, createdAt, nonce);
    }

    /** A copy that knows its service id and creation time, in state {@link State#CREATED}. */
    public LedgerEntry created(String id, Instant created, Instant now) {
        return new LedgerEntry(
                name, id, State.CREATED, now, flavorId, instances, pricePerHour, paymentType, created, nonce);
    }

    /** A copy with another instance count (after a scale). */
    public LedgerEntry withInstances(int count, Instant now) {
        return new LedgerEntry(
                name, serviceId, state, now, flavorId, count, pricePerHour, paymentType, createdAt, nonce);
    }

    /** Whether NetMind may still hold a live endpoint for this entry. */
    public boolean isLive() {
        return state != State.DELETED;
    }
}
