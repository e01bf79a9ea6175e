package io.jenkins.plugins.netmind.record;

import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One endpoint as saved with a build ({@link NetMindBuildAction}) and in the controller-wide {@link EndpointRegistry}:
 * a {@link LedgerEntry} plus what the safety net needs to delete it later, that is the build (by a key a rename or
 * move does not change, and by its current externalizable id), the credentials id and the API URL it was created
 * with. Holds no secret. Immutable; simple field types so that it persists as plain XML.
 */
public final class RecordedEndpoint {

    /**
     * The build's key ({@link NetMindBuildAction#getKey()}): random, kept by the build across renames and moves. Null
     * in records of the first release, whose key is their {@link #runId} (see {@link #readResolve()}).
     */
    private final String buildKey;

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
    /** For the build page only, once the deploy has told them: the GPU's display name, its region, the URL. */
    private final String gpuName;

    private final String region;
    private final String url;

    // Warm pool (issue 13): additive fields, absent (null, 0, false) in records written before it.
    // Set only while a record is built (warmFrom / the factories below); records stay immutable to their readers.
    /** The warm pool key ({@code WarmPool.Key#text()}) when the build asked to keep it warm, else null. */
    private String warmKey;
    /** The keep-warm minutes the build asked for. */
    private int keepWarmMinutes;
    /** Whether to park it even when the build failed or was aborted. */
    private boolean keepWarmOnFailure;
    /** When the engine saw it available (ISO-8601): with {@link #createdAt}, the start-up a reuse saves. */
    private String availableAt;
    /** When it was parked (ISO-8601): set in the pool's record and in the parking build's record. */
    private String parkedAt;
    /** When its idle time runs out (ISO-8601), while parked. */
    private String idleUntil;

    // Capacity guard (issue 12): what the reservation held, so that a restart counts it again; null in older records
    private final Integer gpusPerInstance;
    private final BigDecimal usdPerInstanceHour;

    private RecordedEndpoint(
            String buildKey,
            String runId,
            String credentialsId,
            String apiUrl,
            LedgerEntry entry,
            String gpuName,
            String region,
            String url) {
        this(buildKey, runId, credentialsId, apiUrl, entry, gpuName, region, url, null, null);
    }

    private RecordedEndpoint(
            String buildKey,
            String runId,
            String credentialsId,
            String apiUrl,
            LedgerEntry entry,
            String gpuName,
            String region,
            String url,
            Integer gpusPerInstance,
            BigDecimal usdPerInstanceHour) {
        this.gpusPerInstance = gpusPerInstance;
        this.usdPerInstanceHour = usdPerInstanceHour;
        this.buildKey = buildKey;
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
        this.gpuName = gpuName;
        this.region = region;
        this.url = url;
    }

    /**
     * Records {@code entry} for the build {@code runId} (an externalizable id, also its key, as the first release
     * recorded builds), created with these settings.
     */
    public static RecordedEndpoint of(String runId, String credentialsId, String apiUrl, LedgerEntry entry) {
        return of(runId, runId, credentialsId, apiUrl, entry);
    }

    /** Records {@code entry} for the build with key {@code buildKey}, now known as {@code runId}. */
    public static RecordedEndpoint of(
            String buildKey, String runId, String credentialsId, String apiUrl, LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.name(), "entry.name");
        return new RecordedEndpoint(buildKey, runId, credentialsId, apiUrl, entry, null, null, null);
    }

    /** The same build, credentials, API URL and description, with the entry's new state. */
    public RecordedEndpoint with(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return copy(getBuildKey(), runId, entry, gpuName, region, url);
    }

    /** The same record, described for the build page: GPU display name, region and URL (each may be null). */
    public RecordedEndpoint describedAs(String gpuName, String region, String url) {
        return copy(getBuildKey(), runId, toEntry(), gpuName, region, url);
    }

    /** The same endpoint, its build now known as {@code newRunId} (after a rename or move of its job). */
    RecordedEndpoint withRunId(String newRunId) {
        return copy(getBuildKey(), newRunId, toEntry(), gpuName, region, url);
    }

    /** This record's credentials, API URL, capacity stamp and warm fields, with the rest as given. */
    private RecordedEndpoint copy(
            String newBuildKey, String newRunId, LedgerEntry entry, String gpuName, String region, String url) {
        return new RecordedEndpoint(
                        newBuildKey,
                        newRunId,
                        credentialsId,
                        apiUrl,
                        entry,
                        gpuName,
                        region,
                        url,
                        gpusPerInstance,
                        usdPerInstanceHour)
                .warmFrom(this);
    }

    /** The same record, stamped with what its capacity reservation holds per instance (GPUs, USD per hour). */
    RecordedEndpoint withCapacity(int gpus, BigDecimal usd) {
        return new RecordedEndpoint(
                        getBuildKey(), runId, credentialsId, apiUrl, toEntry(), gpuName, region, url, gpus, usd)
                .warmFrom(this);
    }

    // ---- warm pool (issue 13) ----

    /** The prefix of the build key under which the warm pool holds a parked endpoint's record. */
    public static final String POOL_KEY_PREFIX = "netmind-warm-pool/";

    private RecordedEndpoint warmFrom(RecordedEndpoint other) {
        warmKey = other.warmKey;
        keepWarmMinutes = other.keepWarmMinutes;
        keepWarmOnFailure = other.keepWarmOnFailure;
        availableAt = other.availableAt;
        parkedAt = other.parkedAt;
        idleUntil = other.idleUntil;
        return this;
    }

    /**
     * The same record, asked to be kept warm: with the pool key, the minutes and whether a failed build parks it too,
     * and when it became available.
     */
    public RecordedEndpoint keptWarm(String key, int minutes, boolean onFailure, Instant available) {
        RecordedEndpoint r = with(toEntry());
        r.warmKey = key;
        r.keepWarmMinutes = minutes;
        r.keepWarmOnFailure = onFailure;
        r.availableAt = format(available);
        return r;
    }

    /**
     * The warm pool's record of this endpoint, parked at {@code at} until {@code until}: under the pool's key for its
     * service id, still naming the build that parked it (its job finds the credential to delete it with).
     */
    public RecordedEndpoint parkedInPool(Instant at, Instant until) {
        RecordedEndpoint r = copy(
                POOL_KEY_PREFIX + serviceId,
                runId,
                toEntry().withState(LedgerEntry.State.CREATED, at),
                gpuName,
                region,
                url);
        r.parkedAt = format(at);
        r.idleUntil = format(until);
        return r;
    }

    /**
     * The parking build's own record of this endpoint once handed to the pool: no longer the build's (shown as
     * DELETED for the build, which must not delete it), with when it was parked and until when.
     */
    public RecordedEndpoint handedToPool(Instant at, Instant until) {
        RecordedEndpoint r = with(toEntry().withState(LedgerEntry.State.DELETED, at));
        r.parkedAt = format(at);
        r.idleUntil = format(until);
        return r;
    }

    /**
     * A build's record of an endpoint it leased from the pool ({@code this} is the pool's record): the build's key and
     * id, state CREATED as of {@code now}, the build's keep-warm request, no longer parked.
     */
    public RecordedEndpoint leasedTo(
            String newBuildKey, String newRunId, Instant now, String key, int minutes, boolean onFailure) {
        RecordedEndpoint r =
                copy(newBuildKey, newRunId, toEntry().withState(LedgerEntry.State.CREATED, now), gpuName, region, url);
        r.warmKey = key;
        r.keepWarmMinutes = minutes;
        r.keepWarmOnFailure = onFailure;
        r.parkedAt = null;
        r.idleUntil = null;
        return r;
    }

    /** Whether this is the warm pool's record of a parked endpoint (for the fleet page: state PARKED). */
    public boolean isParked() {
        return buildKey != null && buildKey.startsWith(POOL_KEY_PREFIX) && parkedAt != null;
    }

    /** The warm pool key when the build asked to keep this endpoint warm, else null. */
    public String getWarmKey() {
        return warmKey;
    }

    public int getKeepWarmMinutes() {
        return keepWarmMinutes;
    }

    public boolean isKeepWarmOnFailure() {
        return keepWarmOnFailure;
    }

    /** When the engine saw it available (ISO-8601), or null when unknown. */
    public String getAvailableAt() {
        return availableAt;
    }

    /** When it was parked (ISO-8601), or null when never parked. */
    public String getParkedAt() {
        return parkedAt;
    }

    /** When its idle time runs out (ISO-8601), or null when not parked. */
    public String getIdleUntil() {
        return idleUntil;
    }

    /** Gives records of the first release, saved without a build key, their run id as key. */
    private Object readResolve() {
        return buildKey == null ? withRunId(runId) : this; // withRunId keeps the warm fields
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
        return Objects.equals(getBuildKey(), other.getBuildKey()) && Objects.equals(name, other.name);
    }

    /** The key of the build that created the endpoint: unchanged by renames and moves of its job. */
    public String getBuildKey() {
        return buildKey != null ? buildKey : runId;
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

    /** The per-deploy nonce written into the endpoint's description, or {@code null} in older records. */
    public String getNonce() {
        return nonce;
    }

    /** GPUs per instance as the capacity guard reserved them, or {@code null} in records without reservation. */
    public Integer getGpusPerInstance() {
        return gpusPerInstance;
    }

    /** The flavor's USD price per instance-hour as the capacity guard reserved it, or {@code null}. */
    public BigDecimal getUsdPerInstanceHour() {
        return usdPerInstanceHour;
    }

    /** The GPU's display name, or {@code null} before the deploy has said. */
    public String getGpuName() {
        return gpuName;
    }

    /** The flavor's region, or {@code null} when unknown. */
    public String getRegion() {
        return region;
    }

    /** The endpoint's URL, or {@code null} before it is available. */
    public String getUrl() {
        return url;
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
