package io.jenkins.plugins.netmind.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * What to deploy. Build one with {@link #builder()}; the constructor checks every field and throws
 * {@link EndpointException} ({@link EndpointException.Reason#INVALID_SPEC}) with a message that says what to fix.
 *
 * @param name the endpoint name, or null to generate one from {@code owner}
 * @param owner who deploys (job and build); goes into the generated name and the ownership marker
 * @param flavorId the NetMind flavor id, or null to choose by {@code gpu}
 * @param gpu the GPU's display name (e.g. {@code NVIDIA_GeForce_RTX_4090}), used when {@code flavorId} is null
 * @param region the flavor region ({@code cn}, {@code other}), or null for any
 * @param image the container image
 * @param command the command run in the container, or null
 * @param port the port the container listens on
 * @param gpuCount GPUs per instance
 * @param instances the instance count
 * @param paymentType {@code usd}, {@code cny} or {@code nmt}
 * @param timeout how long the whole deploy may take, until ready
 * @param readinessPath a path on the endpoint URL that must answer 2xx before the deploy is ready, or null
 * @param sendTokenToEndpoint whether the readiness probe sends the API token
 * @param expiresAfter the lifetime written into the endpoint's description as its expiry, for sweepers
 * @param controllerId this controller's id, written into the marker ({@code ctl=}), or null to write none
 * @param maxPricePerHour the most this endpoint alone may cost per hour in US dollars (instances times the flavor's
 *     USD price, whatever the payment type), checked once the flavor is known and before the create; null for none
 * @param failWhenOverCapacity whether a deploy that the capacity guard cannot admit now fails instead of waiting
 */
public record DeploySpec(
        String name,
        String owner,
        String flavorId,
        String gpu,
        String region,
        String image,
        String command,
        int port,
        int gpuCount,
        int instances,
        String paymentType,
        Duration timeout,
        String readinessPath,
        boolean sendTokenToEndpoint,
        Duration expiresAfter,
        String controllerId,
        BigDecimal maxPricePerHour,
        boolean failWhenOverCapacity) {

    /** The default time a deploy may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** The default lifetime written as the expiry. */
    public static final Duration DEFAULT_EXPIRES_AFTER = Duration.ofHours(24);

    /** The longest timeout (of a deploy or a scale). */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(7);

    /** The longest lifetime written as the expiry. */
    public static final Duration MAX_EXPIRES_AFTER = Duration.ofDays(366);

    /** Checks and normalises the fields. */
    public DeploySpec {
        name = blankToNull(name);
        owner = owner == null ? "" : owner.trim();
        flavorId = blankToNull(flavorId);
        gpu = blankToNull(gpu);
        region = blankToNull(region);
        image = blankToNull(image);
        command = blankToNull(command);
        paymentType = paymentType == null || paymentType.isBlank()
                ? "usd"
                : paymentType.trim().toLowerCase(Locale.ROOT);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        readinessPath = blankToNull(readinessPath);
        expiresAfter = expiresAfter == null ? DEFAULT_EXPIRES_AFTER : expiresAfter;
        controllerId = blankToNull(controllerId);
        if (name != null) {
            EndpointNames.check(name);
        }
        if (flavorId == null && gpu == null) {
            throw invalid(Messages.Spec_flavorMissing());
        }
        if (image == null) {
            throw invalid(Messages.Spec_imageMissing());
        }
        if (instances < 1) {
            throw invalid(Messages.Spec_instancesInvalid(instances));
        }
        if (port < 1 || port > 65535) {
            throw invalid(Messages.Spec_portInvalid(String.valueOf(port)));
        }
        if (gpuCount < 0) {
            throw invalid(Messages.Spec_gpuCountInvalid(gpuCount));
        }
        if (!paymentType.equals("usd") && !paymentType.equals("cny") && !paymentType.equals("nmt")) {
            throw invalid(Messages.Spec_paymentTypeInvalid(paymentType));
        }
        checkTimeout(timeout);
        if (expiresAfter.isNegative() || expiresAfter.isZero()) {
            throw invalid(Messages.Spec_expiresAfterInvalid(expiresAfter));
        }
        if (expiresAfter.compareTo(MAX_EXPIRES_AFTER) > 0) {
            throw invalid(Messages.Spec_expiresAfterTooLong(Texts.duration(expiresAfter), MAX_EXPIRES_AFTER.toDays()));
        }
        if (maxPricePerHour != null && maxPricePerHour.signum() <= 0) {
            throw invalid(Messages.Spec_maxPricePerHourInvalid(maxPricePerHour.toPlainString()));
        }
        checkNoControl(image, "image");
        checkNoControl(command, "command");
        checkNoControl(owner, "owner");
        if (controllerId != null && !EndpointMarker.isValidControllerId(controllerId)) {
            throw invalid(Messages.Spec_controllerIdInvalid(Texts.printable(controllerId)));
        }
        if (readinessPath != null && !isUriPath(readinessPath)) {
            throw invalid(Messages.Spec_readinessPathInvalid(Texts.printable(readinessPath)));
        }
    }

    /** Positive and at most {@link #MAX_TIMEOUT}; else INVALID_SPEC saying so. */
    static void checkTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw invalid(Messages.Spec_timeoutInvalid(timeout));
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid(Messages.Spec_timeoutTooLong(Texts.duration(timeout), MAX_TIMEOUT.toDays()));
        }
    }

    private static void checkNoControl(String value, String field) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(Messages.Spec_controlCharacter(field, Texts.printable(value)));
        }
    }

    /**
     * Whether {@code path} is an absolute URI path (with an optional query) that can be appended to an endpoint URL as
     * it is: starts with one slash (two would name another host), only characters a URI path or query may hold (no
     * blank, no {@code #}, escapes well formed).
     */
    static boolean isUriPath(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
            if (c == '%' && (i + 2 >= path.length() || !isHex(path.charAt(i + 1)) || !isHex(path.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A builder with the defaults: one instance, port 8080, no GPU, usd, 30 minutes, no readiness path. */
    public static Builder builder() {
        return new Builder();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static EndpointException invalid(String message) {
        return new EndpointException(EndpointException.Reason.INVALID_SPEC, message);
    }

    /** Builds a {@link DeploySpec}. */
    public static final class Builder {
        private String name;
        private String owner = "";
        private String flavorId;
        private String gpu;
        private String region;
        private String image;
        private String command;
        private int port = 8080;
        private int gpuCount;
        private int instances = 1;
        private String paymentType = "usd";
        private Duration timeout = DEFAULT_TIMEOUT;
        private String readinessPath;
        private boolean sendTokenToEndpoint;
        private Duration expiresAfter = DEFAULT_EXPIRES_AFTER;
        private String controllerId;
        private BigDecimal maxPricePerHour;
        private boolean failWhenOverCapacity;

        private Builder() {}

        /** The endpoint name; null or blank to generate one from the owner. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Who deploys, e.g. {@code my-folder/my-job #12}. */
        public Builder owner(String value) {
            this.owner = value;
            return this;
        }

        /** The flavor id (takes precedence over the GPU name). */
        public Builder flavorId(String value) {
            this.flavorId = value;
            return this;
        }

        /** The GPU display name, e.g. {@code NVIDIA_GeForce_RTX_4090}. */
        public Builder gpu(String value) {
            this.gpu = value;
            return this;
        }

        /** The flavor region, or null for any. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** The container image. */
        public Builder image(String value) {
            this.image = value;
            return this;
        }

        /** The container command. */
        public Builder command(String value) {
            this.command = value;
            return this;
        }

        /** The container port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** GPUs per instance. */
        public Builder gpuCount(int value) {
            this.gpuCount = value;
            return this;
        }

        /** The instance count. */
        public Builder instances(int value) {
            this.instances = value;
            return this;
        }

        /** {@code usd}, {@code cny} or {@code nmt}. */
        public Builder paymentType(String value) {
            this.paymentType = value;
            return this;
        }

        /** How long the deploy may take until ready. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** A path on the endpoint that must answer 2xx, e.g. {@code /health}. */
        public Builder readinessPath(String value) {
            this.readinessPath = value;
            return this;
        }

        /** Whether the readiness probe sends the API token. */
        public Builder sendTokenToEndpoint(boolean value) {
            this.sendTokenToEndpoint = value;
            return this;
        }

        /** The lifetime written as the expiry into the description. */
        public Builder expiresAfter(Duration value) {
            this.expiresAfter = value;
            return this;
        }

        /** This controller's id for the marker; null to write none. */
        public Builder controllerId(String value) {
            this.controllerId = value;
            return this;
        }

        /** The most this endpoint may cost per hour in US dollars, or null for no ceiling. */
        public Builder maxPricePerHour(BigDecimal value) {
            this.maxPricePerHour = value;
            return this;
        }

        /** Whether to fail instead of waiting when the capacity guard cannot admit the deploy now. */
        public Builder failWhenOverCapacity(boolean value) {
            this.failWhenOverCapacity = value;
            return this;
        }

        /** Checks the settings and builds the spec. */
        public DeploySpec build() {
            return new DeploySpec(
                    name,
                    owner,
                    flavorId,
                    gpu,
                    region,
                    image,
                    command,
                    port,
                    gpuCount,
                    instances,
                    paymentType,
                    timeout,
                    readinessPath,
                    sendTokenToEndpoint,
                    expiresAfter,
                    controllerId,
                    maxPricePerHour,
                    failWhenOverCapacity);
        }
    }
}
