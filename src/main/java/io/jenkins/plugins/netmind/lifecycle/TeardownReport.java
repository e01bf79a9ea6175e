package io.jenkins.plugins.netmind.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What a teardown did, one item per endpoint.
 *
 * @param items the endpoints, in the order asked
 */
public record TeardownReport(List<Item> items) {

    /** Copies the list. */
    public TeardownReport {
        items = List.copyOf(items);
    }

    /** What happened to one endpoint. */
    public enum Outcome {
        /** Deleted and confirmed gone. */
        DELETED,
        /** NetMind did not know it (any more): success. */
        ALREADY_GONE,
        /** It was never created: nothing to delete. */
        NOT_CREATED,
        /** It may still exist; the ledger keeps it. */
        FAILED
    }

    /**
     * One endpoint's teardown.
     *
     * @param name the endpoint name (the service id when the ledger did not know it)
     * @param serviceId the service id, or null
     * @param outcome what happened
     * @param lifetime from creation to confirmed deletion, or null when unknown
     * @param estimatedCost price per instance-hour times instances times hours, or null when unknown
     * @param paymentType the currency of the cost
     * @param message the failure's message, or null on success
     */
    public record Item(
            String name,
            String serviceId,
            Outcome outcome,
            Duration lifetime,
            BigDecimal estimatedCost,
            String paymentType,
            String message) {

        /** Whether the endpoint is known to be gone. */
        public boolean isGone() {
            return outcome != Outcome.FAILED;
        }
    }

    /** The endpoints that may still exist. */
    public List<Item> failures() {
        return items.stream().filter(i -> !i.isGone()).toList();
    }

    /** Whether every endpoint is known to be gone. */
    public boolean allGone() {
        return failures().isEmpty();
    }
}
