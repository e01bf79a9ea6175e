package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Locale;

/**
 * A NetMind inference service (a dedicated endpoint), as returned by create, get and update. The metadata objects
 * whose shape NetMind does not document are kept as raw JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Service(
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("user_id") String userId,
        @JsonProperty("status") String status,
        @JsonProperty("status_info") JsonNode statusInfo,
        @JsonProperty("resource_metadata") ResourceMetadata resourceMetadata,
        @JsonProperty("billing_metadata") JsonNode billingMetadata,
        @JsonProperty("endpoint_metadata") JsonNode endpointMetadata,
        @JsonProperty("deploy_metadata") JsonNode deployMetadata,
        @JsonProperty("service_type") String serviceType,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("deleted_at") String deletedAt,
        @JsonProperty("is_deleted") boolean deleted,
        @JsonProperty("payment_type") String paymentType) {

    /** Word beginnings of statuses that waiting will not cure ({@code failed}, {@code terminated}, {@code OOMKilled}). */
    private static final List<String> FAILURE_WORDS =
            List.of("fail", "error", "stopped", "deleted", "terminat", "crash", "kill", "oom", "exited", "evicted");

    /** The statuses NetMind documents, plus the ones a service passes through on the way to a failure. */
    private static final List<String> KNOWN_STATUSES = List.of("initializing", "available");

    /** Replaces missing values by JSON null and an empty resource metadata. */
    public Service {
        statusInfo = orNull(statusInfo);
        billingMetadata = orNull(billingMetadata);
        endpointMetadata = orNull(endpointMetadata);
        deployMetadata = orNull(deployMetadata);
        resourceMetadata = resourceMetadata == null
                ? new ResourceMetadata(null, null, null, null, NullNode.getInstance(), null, null)
                : resourceMetadata;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    /** Whether the status is {@code available}. */
    @JsonIgnore
    public boolean isAvailable() {
        return status != null && status.trim().equalsIgnoreCase("available");
    }

    /**
     * Whether the status looks like a failure that waiting will not cure: a word in it starts with fail, error,
     * terminat, crash, kill, oom, or is stopped, deleted, exited, evicted ({@code failed}, {@code terminated},
     * {@code crashed}, {@code killed}, {@code OOMKilled}, {@code oom_killed}).
     */
    @JsonIgnore
    public boolean isTerminalFailure() {
        if (status == null) {
            return false;
        }
        // camelCase words apart (OOMKilled -> OOM Killed), then lower case and split on anything not a letter
        String spaced = status.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        for (String word : spaced.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            for (String failure : FAILURE_WORDS) {
                if (!word.isEmpty() && word.startsWith(failure)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the status is one NetMind documents ({@code initializing}, {@code available}) or a terminal one. */
    @JsonIgnore
    public boolean isKnownStatus() {
        return status != null
                && (KNOWN_STATUSES.contains(status.trim().toLowerCase(Locale.ROOT)) || isTerminalFailure());
    }

    /** Whether NetMind marks the service deleted ({@code is_deleted: true}). */
    @JsonIgnore
    public boolean isGone() {
        return deleted;
    }

    /** {@code status_info} as text for a log line: empty when null, the text or message inside, else compact JSON. */
    @JsonIgnore
    public String statusInfoText() {
        return JsonText.describe(statusInfo);
    }

    /**
     * The endpoint's URL found in {@code endpoint_metadata}, with the key it came from.
     *
     * @throws NetMindException of kind {@code INVALID_RESPONSE} listing the keys present when there is none
     */
    @JsonIgnore
    public EndpointUrl endpointUrl() {
        return EndpointUrlFinder.find(serviceId, endpointMetadata);
    }

    /**
     * {@code resource_metadata}; {@code target_instance_number} is read from a number or a string.
     *
     * @param vram the {@code VRAM} field, e.g. {@code 32GB}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceMetadata(
            @JsonProperty("resource_display_name") String resourceDisplayName,
            @JsonProperty("scale_type") String scaleType,
            @JsonProperty("flavor_id") String flavorId,

            @JsonProperty("target_instance_number") @JsonDeserialize(using = LenientIntDeserializer.class)
            Integer targetInstanceNumber,

            @JsonProperty("scale_policy") JsonNode scalePolicy,
            @JsonProperty("VRAM") String vram,
            @JsonProperty("image_size") String imageSize) {

        /** Replaces a missing scale policy by JSON null. */
        public ResourceMetadata {
            scalePolicy = orNull(scalePolicy);
        }
    }
}
