package io.jenkins.plugins.netmind.config;

import io.jenkins.plugins.netmind.lifecycle.CapacityGuard;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The format checks of the capacity limits of the global configuration (issue 12): each optional, empty for no limit.
 * Pure checks: no permission needed.
 */
public final class CapacityLimits {

    private CapacityLimits() {}

    /** A count limit: empty, or a whole number of at least 1. */
    public static Optional<String> count(String value) {
        String text = SettingChecks.blankToNull(value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (Integer.parseInt(text) >= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return Optional.of(Messages.CapacityLimits_count(text));
    }

    /** A dollar limit: empty, or a positive decimal amount. */
    public static Optional<String> usd(String value) {
        String text = SettingChecks.blankToNull(value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (new BigDecimal(text).signum() > 0) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return Optional.of(Messages.CapacityLimits_usd(text));
    }

    /** The limits the guard applies for these settings. */
    public static CapacityGuard.Limits of(NetMindGlobalConfiguration config) {
        String usd = SettingChecks.blankToNull(config.getMaxUsdPerHour());
        return new CapacityGuard.Limits(
                config.getMaxLiveEndpoints(),
                config.getMaxInstancesPerEndpoint(),
                config.getMaxGpus(),
                usd == null ? null : new BigDecimal(usd));
    }
}
