package io.jenkins.plugins.netmind.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The body of {@code POST /v1/inference-service}, serialised exactly as NetMind's example: {@code name},
 * {@code description}, {@code payment_type}, {@code resource_metadata} and {@code deploy_metadata}.
 */
@JsonPropertyOrder({"name", "description", "payment_type", "resource_metadata", "deploy_metadata"})
public record CreateServiceRequest(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("payment_type") String paymentType,
        @JsonProperty("resource_metadata") Resources resources,
        @JsonProperty("deploy_metadata") Deployment deployment) {

    /** Checks the components; a null description becomes empty, a null payment type {@code usd}. */
    public CreateServiceRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(deployment, "deployment");
        description = description == null ? "" : description;
        paymentType = paymentType == null ? "usd" : paymentType;
    }

    /**
     * {@code resource_metadata}: the flavor, {@code scale_type} ({@code manual}) and the instance count, sent as a
     * JSON number.
     */
    @JsonPropertyOrder({"flavor_id", "scale_type", "target_instance_number"})
    public record Resources(
            @JsonProperty("flavor_id") String flavorId,
            @JsonProperty("scale_type") String scaleType,
            @JsonProperty("target_instance_number") int targetInstanceNumber) {

        /** Checks the components; a null scale type becomes {@code manual}. */
        public Resources {
            Objects.requireNonNull(flavorId, "flavorId");
            scaleType = scaleType == null ? "manual" : scaleType;
        }

        /** Manual scaling with a fixed instance count. */
        public static Resources manual(String flavorId, int instances) {
            return new Resources(flavorId, "manual", instances);
        }
    }

    /** {@code deploy_metadata}: the container image, its command (omitted when null), port and GPUs per instance. */
    @JsonPropertyOrder({"image_url", "command", "port", "gpu_num"})
    public record Deployment(
            @JsonProperty("image_url") String imageUrl,

            @JsonProperty("command") @JsonInclude(JsonInclude.Include.NON_NULL)
            String command,

            @JsonProperty("port") int port,
            @JsonProperty("gpu_num") int gpuNum) {

        /** Checks the components. */
        public Deployment {
            Objects.requireNonNull(imageUrl, "imageUrl");
        }
    }
}
