package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.client.Service;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies the endpoints NetMind lists for one account: joins each with its marker, the flavors and what this
 * controller's registry tracks, and says what it is to this controller ({@link FleetState}). The rules, in order:
 *
 * <ol>
 *   <li>a marker naming another controller id: {@link FleetState#OTHER_CONTROLLER};
 *   <li>this controller's is one the registry tracks, or whose marker names this controller's id; anything else is
 *       another's: a marker without controller id (an older version) is {@link FleetState#OTHER_CONTROLLER} (it may
 *       be another controller's), no marker {@link FleetState#UNMANAGED};
 *   <li>this controller's and at or past the expiry in its marker: {@link FleetState#EXPIRED}, even while its build
 *       runs;
 *   <li>tracked: {@link FleetState#PARKED} when its record is parked, {@link FleetState#OWNED} while its build runs,
 *       else {@link FleetState#ORPHAN} (the build ended and the safety net has not deleted it yet);
 *   <li>not tracked: {@link FleetState#OWNED} while the build its marker names runs, else {@link FleetState#ORPHAN}.
 * </ol>
 *
 * Services NetMind marks deleted are left out. Rows are sorted by creation time (unknown last), then name, then id.
 */
public final class Fleet {

    private static final DateTimeFormatter NETMIND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Fleet() {}

    /**
     * An endpoint this controller's registry tracks (not yet confirmed deleted).
     *
     * @param name the endpoint name
     * @param serviceId the service id, or null when the create has not answered (then matched by name and nonce)
     * @param buildKey the registry's build key
     * @param ownerRunning whether the build that recorded it is running
     * @param parked whether the record is parked in the warm pool
     * @param nonce the deploy's nonce, or null (older records: matched by name alone)
     */
    public record Tracked(
            String name, String serviceId, String buildKey, boolean ownerRunning, boolean parked, String nonce) {

        /** A record without nonce. */
        public Tracked(String name, String serviceId, String buildKey, boolean ownerRunning, boolean parked) {
            this(name, serviceId, buildKey, ownerRunning, parked, null);
        }
    }

    /** Whether the build a marker names (job full name and number) is running on this controller. */
    @FunctionalInterface
    public interface Builds {
        /** No build is running (for a controller that cannot tell). */
        Builds NONE = (job, number) -> false;

        boolean isRunning(String job, int number);
    }

    /**
     * The rows for {@code services}, classified.
     *
     * @param services NetMind's list (one account's)
     * @param flavors the flavors, for the GPU name, region and price; may be empty
     * @param tracked what this controller's registry tracks for that account (read after the list was answered, so
     *     that an endpoint created meanwhile is not taken for an orphan)
     * @param controllerId this controller's id
     * @param builds which builds are running, for endpoints the registry does not track
     * @param now the time to compare expiries with
     */
    public static List<FleetRow> classify(
            List<Service> services,
            List<Flavor> flavors,
            List<Tracked> tracked,
            String controllerId,
            Builds builds,
            Instant now) {
        Objects.requireNonNull(now, "now");
        Map<String, Flavor> flavorsById = new HashMap<>();
        for (Flavor f : flavors == null ? List.<Flavor>of() : flavors) {
            if (f != null && f.flavorId() != null) {
                flavorsById.putIfAbsent(f.flavorId(), f);
            }
        }
        List<Tracked> known = tracked == null ? List.of() : tracked;
        Builds running = builds == null ? Builds.NONE : builds;
        List<FleetRow> rows = new ArrayList<>();
        for (Service s : services == null ? List.<Service>of() : services) {
            if (s == null || s.isGone()) {
                continue;
            }
            Optional<EndpointMarker> marker = EndpointMarker.parse(s.description());
            Tracked t = find(known, s);
            FleetState state = state(marker.orElse(null), t, controllerId, running, now);
            rows.add(row(s, flavorsById, marker.orElse(null), t, state));
        }
        rows.sort(ORDER);
        return List.copyOf(rows);
    }

    /** Why the sweep deletes a row, in words for the system log; null for a row it keeps. */
    public static String reason(FleetRow row) {
        return switch (row.state()) {
            case EXPIRED -> Messages.Fleet_reasonExpired(row.expires(), ownerText(row));
            case ORPHAN ->
                row.buildKey() == null
                        ? Messages.Fleet_reasonOrphanUntracked(ownerText(row))
                        : Messages.Fleet_reasonOrphanTracked(ownerText(row));
            default -> null;
        };
    }

    /** Reads NetMind's timestamp ({@code 2024-11-13 09:00:19}, no zone: read as UTC) or an ISO instant; else null. */
    public static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return LocalDateTime.parse(t, NETMIND_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String ownerText(FleetRow row) {
        return row.owner() == null ? Messages.Fleet_ownerUnknown() : row.owner();
    }

    private static final Comparator<FleetRow> ORDER = Comparator.comparing(
                    FleetRow::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FleetRow::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FleetRow::serviceId, Comparator.nullsLast(Comparator.naturalOrder()));

    private static FleetState state(
            EndpointMarker marker, Tracked t, String controllerId, Builds running, Instant now) {
        if (marker != null && marker.isOtherController(controllerId)) {
            return FleetState.OTHER_CONTROLLER;
        }
        boolean ours = t != null || (marker != null && marker.controllerId() != null);
        if (!ours) {
            return marker != null ? FleetState.OTHER_CONTROLLER : FleetState.UNMANAGED;
        }
        if (marker != null && marker.isExpired(now)) {
            return FleetState.EXPIRED;
        }
        if (t != null) {
            if (t.parked()) {
                return FleetState.PARKED;
            }
            return t.ownerRunning() ? FleetState.OWNED : FleetState.ORPHAN;
        }
        boolean buildRuns = marker.job() != null && running.isRunning(marker.job(), marker.build());
        return buildRuns ? FleetState.OWNED : FleetState.ORPHAN;
    }

    private static Tracked find(List<Tracked> tracked, Service s) {
        if (s.serviceId() != null) {
            for (Tracked t : tracked) {
                if (s.serviceId().equals(t.serviceId())) {
                    return t;
                }
            }
        }
        for (Tracked t : tracked) {
            if (t.serviceId() == null
                    && t.name() != null
                    && t.name().equals(s.name())
                    && EndpointNames.matches(s.description(), t.nonce())) {
                return t;
            }
        }
        return null;
    }

    private static FleetRow row(
            Service s, Map<String, Flavor> flavors, EndpointMarker marker, Tracked t, FleetState state) {
        Service.ResourceMetadata resources = s.resourceMetadata();
        int instances = resources.targetInstanceNumber() == null ? 0 : resources.targetInstanceNumber();
        Flavor flavor = resources.flavorId() == null ? null : flavors.get(resources.flavorId());
        String flavorName =
                flavor != null && flavor.displayName() != null ? flavor.displayName() : resources.resourceDisplayName();
        BigDecimal unit = flavor == null ? null : flavor.price(s.paymentType()).orElse(null);
        BigDecimal perHour = unit == null ? null : unit.multiply(BigDecimal.valueOf(instances));
        return new FleetRow(
                s.serviceId(),
                s.name(),
                s.status(),
                instances,
                resources.flavorId(),
                flavorName,
                flavor == null ? null : flavor.region(),
                perHour,
                s.paymentType(),
                parseTime(s.createdAt()),
                marker == null ? null : marker.expires(),
                marker == null ? null : marker.owner(),
                marker == null ? null : marker.controllerId(),
                t == null ? null : t.buildKey(),
                state);
    }
}
