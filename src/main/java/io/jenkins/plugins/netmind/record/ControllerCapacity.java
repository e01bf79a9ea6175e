package io.jenkins.plugins.netmind.record;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.netmind.config.CapacityLimits;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.lifecycle.CapacityGuard;
import java.math.BigDecimal;

/**
 * The controller's one {@link CapacityGuard} (issue 12), shared by every engine the connector builds. It is built on
 * first use from the limits of the global configuration and the live entries of the {@link EndpointRegistry} (pending
 * creates included), so a restart keeps the reservations of the endpoints that may exist and starts with an empty
 * queue: steps that were waiting queue again when they resume. New registry records are stamped with their
 * reservation's GPUs per instance and USD price ({@link #stamp}), so that the rebuild counts them as they were.
 */
@Extension
public final class ControllerCapacity {

    private CapacityGuard guard;

    /** The guard of this controller. */
    public static CapacityGuard guard() {
        return ExtensionList.lookupSingleton(ControllerCapacity.class).get();
    }

    /** The global configuration's limits changed: the guard applies them (and serves its queue) at once. */
    public static void limitsChanged() {
        ControllerCapacity self = ExtensionList.lookupSingleton(ControllerCapacity.class);
        CapacityGuard g;
        synchronized (self) {
            g = self.guard;
        }
        if (g != null) {
            g.setLimits(CapacityLimits.of(NetMindGlobalConfiguration.get()));
        }
    }

    private synchronized CapacityGuard get() {
        if (guard == null) {
            CapacityGuard rebuilt = new CapacityGuard(CapacityLimits.of(NetMindGlobalConfiguration.get()));
            for (RecordedEndpoint r : EndpointRegistry.get().getEndpoints()) {
                if (!r.isDeleted()) {
                    rebuilt.restore(CapacityGuard.key(r.getName(), r.getNonce()), demandOf(r));
                }
            }
            guard = rebuilt;
        }
        return guard;
    }

    /**
     * What a recorded endpoint holds: its instances, its stamped GPUs per instance and USD price; a record without
     * stamp (recorded before the guard existed) counts 1 GPU per instance, and its price when billed in USD.
     */
    static CapacityGuard.Demand demandOf(RecordedEndpoint r) {
        int gpus = r.getGpusPerInstance() != null ? r.getGpusPerInstance() : 1;
        BigDecimal usd = r.getUsdPerInstanceHour();
        if (usd == null && "usd".equals(r.getPaymentType())) {
            usd = r.getPricePerHour();
        }
        return new CapacityGuard.Demand(Math.max(1, r.getInstances()), gpus, usd);
    }

    /** {@code record} with the GPUs per instance and USD price of its reservation, when the guard holds one. */
    static RecordedEndpoint stamp(RecordedEndpoint record) {
        if (record.getGpusPerInstance() != null) {
            return record;
        }
        return guard().reservation(CapacityGuard.key(record.getName(), record.getNonce()))
                .map(d -> record.withCapacity(d.gpusPerInstance(), d.usdPerInstanceHour()))
                .orElse(record);
    }
}
