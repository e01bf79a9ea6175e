package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One row of the NetMind endpoints page, in words: what the core classified ({@link FleetRow}) with the times as of
 * when it was listed, and a link to the owning build when it is on this controller. The {@code *SortKey} getters give
 * the sortable table plain values to sort by.
 */
public final class FleetEntry {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final FleetRow row;
    private final Instant now;
    private final String ownerUrl;

    FleetEntry(FleetRow row, Instant now, @CheckForNull String ownerUrl) {
        this.row = row;
        this.now = now;
        this.ownerUrl = ownerUrl;
    }

    /** The core's row. */
    public FleetRow getRow() {
        return row;
    }

    public String getName() {
        return orDash(row.name());
    }

    public String getServiceId() {
        return row.serviceId();
    }

    public String getStatus() {
        return orDash(row.status());
    }

    public int getInstances() {
        return row.instances();
    }

    /** "NVIDIA_GeForce_RTX_4090 in other", the flavor id when NetMind did not name it, or a dash. */
    public String getHardware() {
        String gpu = row.flavorName() != null ? row.flavorName() : row.flavorId();
        if (gpu == null) {
            return "-";
        }
        return row.region() != null ? Messages.FleetEntry_gpuInRegion(gpu, row.region()) : gpu;
    }

    /** The whole endpoint's price per hour ("0.90 USD"), or "unknown". */
    public String getPricePerHour() {
        return Texts.money(row.pricePerHour(), row.paymentType());
    }

    public String getPriceSortKey() {
        return sortKey(row.pricePerHour());
    }

    /** How long it has existed ("2h 03m"), or a dash when NetMind did not say when it was created. */
    public String getAge() {
        Duration age = row.age(now);
        return age == null ? "-" : Texts.duration(age);
    }

    public long getAgeSortKey() {
        Duration age = row.age(now);
        return age == null ? -1 : age.toSeconds();
    }

    /** What it has cost so far at its price ("1.23 USD"), or "unknown". */
    public String getCostSoFar() {
        return Texts.money(row.costSoFar(now), row.paymentType());
    }

    public String getCostSortKey() {
        return sortKey(row.costSoFar(now));
    }

    /** When the marker says it expires ("2026-12-01 17:00 UTC", "... (passed)"), or a dash without expiry. */
    public String getExpires() {
        if (row.expires() == null) {
            return "-";
        }
        String time = TIME.format(row.expires().truncatedTo(ChronoUnit.MINUTES));
        return row.expires().isAfter(now) ? time : Messages.FleetEntry_expired(time);
    }

    public long getExpiresSortKey() {
        return row.expires() == null ? Long.MAX_VALUE : row.expires().getEpochSecond();
    }

    /** The owning build as the marker names it ("folder/job #12"), or a dash for an unmanaged endpoint. */
    public String getOwner() {
        return orDash(row.owner());
    }

    /** The owning build's URL relative to Jenkins' root, when it is on this controller; else null. */
    @CheckForNull
    public String getOwnerUrl() {
        return ownerUrl;
    }

    /** The state in words: "owned, build running", "orphan", "expired", "another controller's", "unmanaged". */
    public String getState() {
        return row.state().label();
    }

    /** The state's enum name, for styling and tests. */
    public String getStateName() {
        return row.state().name();
    }

    /**
     * Whether the page offers to delete it: an endpoint of this controller (owned, parked, orphan, expired) whose id
     * can be sent to NetMind. Another controller's and unmanaged endpoints are only shown.
     */
    public boolean isDeletable() {
        return row.state().isThisControllers() && NetMindClient.isSafeServiceId(row.serviceId());
    }

    /** The Delete form's URL, relative to the page. */
    public String getDeleteUrl() {
        return "delete?serviceId=" + URLEncoder.encode(row.serviceId(), StandardCharsets.UTF_8);
    }

    private static String sortKey(@CheckForNull BigDecimal amount) {
        return amount == null ? "-1" : amount.toPlainString();
    }

    private static String orDash(@CheckForNull String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
