package io.jenkins.plugins.netmind.record;

import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One endpoint of a build as its page tells it: a state in words, the GPU and region, instances, the price per
 * instance-hour, the URL while it runs, and once NetMind confirmed it deleted its lifetime and estimated cost.
 */
public final class EndpointSummary {

    private final RecordedEndpoint endpoint;

    EndpointSummary(RecordedEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public String getName() {
        return endpoint.getName();
    }

    public String getServiceId() {
        return endpoint.getServiceId();
    }

    /** "starting", "running", "deleting", "deleted" or "may still exist: the safety net is checking". */
    public String getState() {
        return switch (endpoint.getState()) {
            case INTENT -> Messages.EndpointSummary_starting();
            case CREATED ->
                endpoint.getUrl() != null ? Messages.EndpointSummary_running() : Messages.EndpointSummary_starting();
            case DELETING -> Messages.EndpointSummary_deleting();
            case DELETED ->
                endpoint.getParkedAt() != null
                        ? Messages.EndpointSummary_parked(endpoint.getIdleUntil())
                        : Messages.EndpointSummary_deleted();
            case UNKNOWN -> Messages.EndpointSummary_unknown();
        };
    }

    /** Whether the endpoint may still bill (anything but confirmed deleted). */
    public boolean isLive() {
        return endpoint.getState() != LedgerEntry.State.DELETED;
    }

    /** "NVIDIA_GeForce_RTX_4090 in region other", or the flavor id when the deploy did not say. */
    public String getHardware() {
        String gpu = endpoint.getGpuName() != null ? endpoint.getGpuName() : endpoint.getFlavorId();
        if (gpu == null) {
            return null;
        }
        return endpoint.getRegion() != null ? Messages.EndpointSummary_gpuInRegion(gpu, endpoint.getRegion()) : gpu;
    }

    /** "1 instance", "3 instances". */
    public String getScale() {
        return Messages.EndpointSummary_instances(endpoint.getInstances());
    }

    /** "0.30 USD per instance-hour", or {@code null} when the price is unknown. */
    public String getPrice() {
        BigDecimal price = endpoint.getPricePerHour();
        return price == null ? null : Messages.EndpointSummary_price(Texts.money(price, endpoint.getPaymentType()));
    }

    /** The URL while the endpoint runs; {@code null} before and after. */
    public String getUrl() {
        return endpoint.getState() == LedgerEntry.State.CREATED ? endpoint.getUrl() : null;
    }

    /** Once deleted: how long it lived, e.g. "12m 05s"; otherwise {@code null}. */
    public String getLifetime() {
        Duration lifetime = lifetime();
        return lifetime == null ? null : Texts.duration(lifetime);
    }

    /** Once deleted: the estimated cost, e.g. "0.0150 USD"; otherwise (or without a price) {@code null}. */
    public String getCost() {
        Duration lifetime = lifetime();
        BigDecimal cost = Texts.cost(endpoint.getPricePerHour(), endpoint.getInstances(), lifetime);
        return cost == null ? null : Texts.money(cost, endpoint.getPaymentType());
    }

    private Duration lifetime() {
        if (endpoint.getState() != LedgerEntry.State.DELETED
                || endpoint.getParkedAt() != null // kept warm: it lives on
                || endpoint.getCreatedAt() == null
                || endpoint.getRecordedAt() == null) {
            return null;
        }
        return Duration.between(Instant.parse(endpoint.getCreatedAt()), Instant.parse(endpoint.getRecordedAt()));
    }
}
