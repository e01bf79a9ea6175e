package io.jenkins.plugins.netmind.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * One live endpoint on NetMind, joined with what this controller knows of it.
 *
 * @param serviceId NetMind's service id
 * @param name the endpoint name
 * @param status NetMind's status ({@code initializing}, {@code available}, ...)
 * @param instances the targeted instance count (0 when NetMind did not say)
 * @param flavorId the flavor id, or null
 * @param flavorName the flavor's display name (the GPU), or null when unknown
 * @param region the flavor's region, or null when unknown
 * @param pricePerHour the whole endpoint per hour (instances x the flavor's price in the payment currency), null when
 *     unknown
 * @param paymentType {@code usd}, {@code cny} or {@code nmt}, as NetMind says
 * @param createdAt when NetMind created it (its clock, read as UTC), or null when it did not say or could not be read
 * @param expires the expiry in the marker, or null when none
 * @param owner job full name and build number as the marker names them ({@code folder/job #12}), null when unmanaged
 * @param controllerId the controller id in the marker, null when unmanaged or written by an older version
 * @param buildKey the registry's build key, null when this controller's registry does not track it
 * @param state what the endpoint is to this controller
 */
public record FleetRow(
        String serviceId,
        String name,
        String status,
        int instances,
        String flavorId,
        String flavorName,
        String region,
        BigDecimal pricePerHour,
        String paymentType,
        Instant createdAt,
        Instant expires,
        String owner,
        String controllerId,
        String buildKey,
        FleetState state) {

    /** How long the endpoint has existed at {@code now}: zero when NetMind's clock is ahead, null when unknown. */
    public Duration age(Instant now) {
        if (createdAt == null) {
            return null;
        }
        Duration age = Duration.between(createdAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /**
     * The estimated cost since creation at the current price and instance count, 4 decimals; null when the price or
     * the creation time is unknown.
     */
    public BigDecimal costSoFar(Instant now) {
        Duration age = age(now);
        if (pricePerHour == null || age == null) {
            return null;
        }
        BigDecimal hours =
                BigDecimal.valueOf(age.toMillis()).divide(BigDecimal.valueOf(3_600_000L), 8, RoundingMode.HALF_UP);
        return pricePerHour.multiply(hours).setScale(4, RoundingMode.HALF_UP);
    }

    /** The row with another state. */
    public FleetRow withState(FleetState value) {
        return new FleetRow(
                serviceId,
                name,
                status,
                instances,
                flavorId,
                flavorName,
                region,
                pricePerHour,
                paymentType,
                createdAt,
                expires,
                owner,
                controllerId,
                buildKey,
                value);
    }
}
