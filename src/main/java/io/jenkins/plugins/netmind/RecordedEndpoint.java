package io.jenkins.plugins.netmind;

import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One endpoint as saved with a build ({@link NetMindBuildAction}) and in the controller-wide {@link EndpointRegistry}:
 * a {@link LedgerEntry} plus what the safety net needs to delete it later, that is the build, the credentials id and
 * the API URL it was created with. Holds no secret. Immutable; simple field types so that it persists as plain XML.
 */
public final class RecordedEndpoint {

    private final String runId;
    private final String credentialsId;
    private final String apiUrl;
    private final String name;
    private final String serviceId;
    private final String state;
    private final String recordedAt;
    private final String flavorId;
    private final int instances;
    private final BigDecimal pricePerHour;
    private final String paymentType;
    private final String createdAt;
    /** The per-deploy nonce in the endpoint's description; null in records of older versions. */
    private final String nonce;

    private RecordedEndpoint(String runId, String credentialsId, String apiUrl, LedgerEntry entry) {
        this.runId = runId;
        this.credentialsId = credentialsId;
        this.apiUrl = apiUrl;
        this.name = entry.name();
        this.serviceId = entry.serviceId();
        this.state = entry.state() == null ? null : entry.state().name();
        this.recordedAt = format(entry.recordedAt());
        this.flavorId = entry.flavorId();
        this.instances = entry.instances();
        this.pricePerHour = entry.pricePerHour();
        this.paymentType = entry.paymentType();
        this.createdAt = format(entry.createdAt());
        this.nonce = entry.nonce();
    }

    /** Records {@code entry} for the build {@code runId} (an externalizable id), created with these settings. */
    public static RecordedEndpoint of(String runId, String credentialsId, String apiUrl, LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.name(), "entry.name");
        return new RecordedEndpoint(runId, credentialsId, apiUrl, entry);
    }

    /** The same build, credentials and API URL, with the entry's new state. */
    public RecordedEndpoint with(LedgerEntry entry) {
        return of(runId, credentialsId, apiUrl, entry);
    }

    /** The lifecycle's view of this endpoint. */
    public LedgerEntry toEntry() {
        return new LedgerEntry(
                name,
                serviceId,
                getState(),
                parse(recordedAt),
                flavorId,
                instances,
                pricePerHour,
                paymentType,
                parse(createdAt),
                nonce);
    }

    /** Whether NetMind has confirmed that this endpoint is gone. */
    public boolean isDeleted() {
        return getState() == LedgerEntry.State.DELETED;
    }

    /** Whether this record and {@code other} describe the same endpoint of the same build. */
    boolean sameEndpoint(RecordedEndpoint other) {
        return Objects.equals(runId, other.runId) && Objects.equals(name, other.name);
    }

    /** The externalizable id of the build that created the endpoint ({@code job/full/name#42}). */
    public String getRunId() {
        return runId;
    }

    /** The full name of the job whose build created the endpoint, or {@code null} when unknown. */
    public String getJobFullName() {
        if (runId == null) {
            return null;
        }
        int hash = runId.lastIndexOf('#');
        return hash < 0 ? runId : runId.substring(0, hash);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public String getName() {
        return name;
    }

    public String getServiceId() {
        return serviceId;
    }

    /** The recorded state; {@link LedgerEntry.State#UNKNOWN} when the saved text is not a known state. */
    public LedgerEntry.State getState() {
        if (state == null) {
            return LedgerEntry.State.UNKNOWN;
        }
        try {
            return LedgerEntry.State.valueOf(state);
        } catch (IllegalArgumentException e) {
            return LedgerEntry.State.UNKNOWN;
        }
    }

    public String getFlavorId() {
        return flavorId;
    }

    public int getInstances() {
        return instances;
    }

    public BigDecimal getPricePerHour() {
        return pricePerHour;
    }

    public String getPaymentType() {
        return paymentType;
    }

    /** When NetMind created the endpoint (ISO-8601), or {@code null} before it exists. */
    public String getCreatedAt() {
        return createdAt;
    }

    /** When this state was recorded (ISO-8601). */
    public String getRecordedAt() {
        return recordedAt;
    }

    @Override
    public String toString() {
        return "RecordedEndpoint[" + runId + " " + name + " " + serviceId + " " + state + "]";
    }

    private static String format(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
