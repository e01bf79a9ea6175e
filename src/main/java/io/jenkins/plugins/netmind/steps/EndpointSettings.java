package io.jenkins.plugins.netmind.steps;

import io.jenkins.plugins.netmind.lifecycle.DeploySpec;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The endpoint a build asks for: image, hardware, scale, wait. One model shared by {@code netmindDeploy}, {@code
 * withNetmindEndpoint} and the freestyle build wrapper; it holds the user's input as typed (trimmed, empty as null)
 * and turns it into the lifecycle's {@link DeploySpec}.
 *
 * <p>Jenkins-free so that its rules are tested without starting Jenkins.
 */
public final class EndpointSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Instances started when none is given. */
    public static final int DEFAULT_INSTANCES = 1;
    /** Container port when none is given (the port of NetMind's own example). */
    public static final int DEFAULT_PORT = 8080;
    /** GPUs per instance when none is given. */
    public static final int DEFAULT_GPU_COUNT = 1;
    /** Currency NetMind bills in when none is given. */
    public static final String DEFAULT_PAYMENT_TYPE = "usd";

    private String credentialsId;
    private String name;
    private String flavorId;
    private String gpu;
    private String region;
    private final String image;
    private String command;
    private int port = DEFAULT_PORT;
    private int gpuCount = DEFAULT_GPU_COUNT;
    private int instances = DEFAULT_INSTANCES;
    private String paymentType = DEFAULT_PAYMENT_TYPE;
    private int timeoutMinutes;
    private String readinessPath;
    private boolean sendTokenToEndpoint;
    // warm pool (issue 13)
    private int keepWarmMinutes;
    private boolean keepWarmOnFailure;
    // Maximum lifetime (issue 11): 0 = the global default
    private int maxLifetimeMinutes;

    // Capacity guard (issue 12)
    private BigDecimal maxPricePerHour;
    private boolean failWhenOverCapacity;

    /** Test only: the length of one {@code timeoutMinutes} minute; null (always, in production) for a real minute. */
    private static volatile Duration timeoutMinuteForTests;

    /** Test only, never called in production: so that a test of the timeout need not wait a whole minute. */
    static void setTimeoutMinuteForTests(Duration minute) {
        timeoutMinuteForTests = minute;
    }

    private static Duration timeoutMinute() {
        Duration d = timeoutMinuteForTests;
        return d != null ? d : Duration.ofMinutes(1);
    }

    /** Settings for an endpoint running {@code image}; everything else at its default. */
    public EndpointSettings(String image) {
        this.image = clean(image);
    }

    /** An independent copy of these settings. */
    public EndpointSettings copy() {
        EndpointSettings copy = new EndpointSettings(image);
        copy.credentialsId = credentialsId;
        copy.name = name;
        copy.flavorId = flavorId;
        copy.gpu = gpu;
        copy.region = region;
        copy.command = command;
        copy.port = port;
        copy.gpuCount = gpuCount;
        copy.instances = instances;
        copy.paymentType = paymentType;
        copy.timeoutMinutes = timeoutMinutes;
        copy.readinessPath = readinessPath;
        copy.sendTokenToEndpoint = sendTokenToEndpoint;
        copy.keepWarmMinutes = keepWarmMinutes;
        copy.keepWarmOnFailure = keepWarmOnFailure;
        copy.maxLifetimeMinutes = maxLifetimeMinutes;
        copy.maxPricePerHour = maxPricePerHour;
        copy.failWhenOverCapacity = failWhenOverCapacity;
        return copy;
    }

    /** Trims {@code value} and turns an empty one into null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * The lifecycle's request for these settings. The lifecycle checks each value itself (image, instances, port ...);
     * this adds the rules that only make sense for the step's parameters.
     *
     * @param owner who deploys, e.g. {@code folder/job #12}: goes into the generated name
     * @param defaultTimeoutMinutes the global default used when {@code timeoutMinutes} is 0 (0 or less: the
     *     lifecycle's default)
     * @param defaultReadinessPath the global default used when {@code readinessPath} is empty, or null
     * @throws IllegalArgumentException or {@link io.jenkins.plugins.netmind.lifecycle.EndpointException} with a
     *     message that says what to change
     */
    public DeploySpec toDeploySpec(String owner, int defaultTimeoutMinutes, String defaultReadinessPath) {
        return toDeploySpec(owner, defaultTimeoutMinutes, defaultReadinessPath, null, null);
    }

    /**
     * As {@link #toDeploySpec(String, int, String)}, with the lifetime written as the expiry and this controller's id
     * for the marker.
     *
     * @param expiresAfter the lifetime ({@link #lifetime}), or null for the lifecycle's default
     * @param controllerId this controller's id, or null to write none
     */
    public DeploySpec toDeploySpec(
            String owner,
            int defaultTimeoutMinutes,
            String defaultReadinessPath,
            Duration expiresAfter,
            String controllerId) {
        if (flavorId == null && gpu == null) {
            throw new IllegalArgumentException(Messages.EndpointSettings_hardwareMissing());
        }
        if (flavorId != null && gpu != null) {
            throw new IllegalArgumentException(Messages.EndpointSettings_hardwareTwice(flavorId, gpu));
        }
        int minutes = timeoutMinutes(timeoutMinutes, defaultTimeoutMinutes);
        if (keepWarmMinutes < 0) {
            throw new IllegalArgumentException(
                    Messages.EndpointSettings_keepWarmNegative(Integer.toString(keepWarmMinutes)));
        }
        return DeploySpec.builder()
                .name(name)
                .owner(owner)
                .flavorId(flavorId)
                .gpu(gpu)
                .region(region)
                .image(image)
                .command(command)
                .port(port)
                .gpuCount(gpuCount)
                .instances(instances)
                .paymentType(paymentType)
                .timeout(minutes > 0 ? timeoutMinute().multipliedBy(minutes) : DeploySpec.DEFAULT_TIMEOUT)
                .readinessPath(readinessPath != null ? readinessPath : clean(defaultReadinessPath))
                .sendTokenToEndpoint(sendTokenToEndpoint)
                .expiresAfter(expiresAfter)
                .controllerId(controllerId)
                .maxPricePerHour(maxPricePerHour)
                .failWhenOverCapacity(failWhenOverCapacity)
                .build();
    }

    /**
     * The minutes to wait: {@code timeoutMinutes}, or {@code defaultTimeoutMinutes} when it is 0.
     *
     * @throws IllegalArgumentException when {@code timeoutMinutes} is negative
     */
    static int timeoutMinutes(int timeoutMinutes, int defaultTimeoutMinutes) {
        if (timeoutMinutes < 0) {
            throw new IllegalArgumentException(
                    Messages.EndpointSettings_timeoutNegative(String.valueOf(timeoutMinutes)));
        }
        return timeoutMinutes > 0 ? timeoutMinutes : defaultTimeoutMinutes;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public void setCredentialsId(String credentialsId) {
        this.credentialsId = clean(credentialsId);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = clean(name);
    }

    public String getFlavorId() {
        return flavorId;
    }

    public void setFlavorId(String flavorId) {
        this.flavorId = clean(flavorId);
    }

    public String getGpu() {
        return gpu;
    }

    public void setGpu(String gpu) {
        this.gpu = clean(gpu);
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = clean(region);
    }

    public String getImage() {
        return image;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = clean(command);
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getGpuCount() {
        return gpuCount;
    }

    public void setGpuCount(int gpuCount) {
        this.gpuCount = gpuCount;
    }

    public int getInstances() {
        return instances;
    }

    public void setInstances(int instances) {
        this.instances = instances;
    }

    public String getPaymentType() {
        return paymentType;
    }

    /** Sets the currency; empty means the default, case does not matter. */
    public void setPaymentType(String paymentType) {
        String cleaned = clean(paymentType);
        this.paymentType = cleaned == null ? DEFAULT_PAYMENT_TYPE : cleaned.toLowerCase(Locale.ROOT);
    }

    /** Minutes to wait for the endpoint; 0 means the global default. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    public String getReadinessPath() {
        return readinessPath;
    }

    public void setReadinessPath(String readinessPath) {
        this.readinessPath = clean(readinessPath);
    }

    public boolean isSendTokenToEndpoint() {
        return sendTokenToEndpoint;
    }

    public void setSendTokenToEndpoint(boolean sendTokenToEndpoint) {
        this.sendTokenToEndpoint = sendTokenToEndpoint;
    }

    // ---- warm pool (issue 13) ----

    /** Idle minutes to keep the endpoint warm for a later build with the same settings; 0: delete it as usual. */
    public int getKeepWarmMinutes() {
        return keepWarmMinutes;
    }

    public void setKeepWarmMinutes(int keepWarmMinutes) {
        this.keepWarmMinutes = keepWarmMinutes;
    }

    /** Whether to keep it warm even when the build failed or was aborted. */
    public boolean isKeepWarmOnFailure() {
        return keepWarmOnFailure;
    }

    public void setKeepWarmOnFailure(boolean keepWarmOnFailure) {
        this.keepWarmOnFailure = keepWarmOnFailure;
    }

    // Maximum lifetime (issue 11)
    /** The endpoint's maximum lifetime in minutes; 0 means the global default. */
    public int getMaxLifetimeMinutes() {
        return maxLifetimeMinutes;
    }

    public void setMaxLifetimeMinutes(int maxLifetimeMinutes) {
        this.maxLifetimeMinutes = maxLifetimeMinutes;
    }

    /**
     * The lifetime to write as the expiry: {@code maxLifetimeMinutes}, or {@code defaultMinutes} when it is 0 (the
     * ceiling when the default is above it; 24 hours when the default is 0 or less).
     *
     * @param ceilingMinutes the longest lifetime a step may ask for, or null (or 0 or less) for none
     * @throws IllegalArgumentException when {@code maxLifetimeMinutes} is negative or above the ceiling, naming both
     */
    public Duration lifetime(int defaultMinutes, Integer ceilingMinutes) {
        int ceiling = ceilingMinutes == null || ceilingMinutes <= 0 ? 0 : ceilingMinutes;
        if (maxLifetimeMinutes < 0) {
            throw new IllegalArgumentException(
                    Messages.EndpointSettings_lifetimeNegative(String.valueOf(maxLifetimeMinutes)));
        }
        if (maxLifetimeMinutes > 0) {
            if (ceiling > 0 && maxLifetimeMinutes > ceiling) {
                throw new IllegalArgumentException(Messages.EndpointSettings_lifetimeAboveCeiling(
                        String.valueOf(maxLifetimeMinutes), String.valueOf(ceiling)));
            }
            return Duration.ofMinutes(maxLifetimeMinutes);
        }
        if (defaultMinutes <= 0) {
            return ceiling > 0
                    ? min(DeploySpec.DEFAULT_EXPIRES_AFTER, Duration.ofMinutes(ceiling))
                    : DeploySpec.DEFAULT_EXPIRES_AFTER;
        }
        return Duration.ofMinutes(ceiling > 0 ? Math.min(defaultMinutes, ceiling) : defaultMinutes);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // ---- Capacity guard (issue 12) ----

    /** The most this endpoint may cost per hour in US dollars, or null for no ceiling. */
    public BigDecimal getMaxPricePerHour() {
        return maxPricePerHour;
    }

    public void setMaxPricePerHour(BigDecimal maxPricePerHour) {
        this.maxPricePerHour = maxPricePerHour;
    }

    /** Whether a deploy the controller's limits cannot admit now fails instead of waiting. */
    public boolean isFailWhenOverCapacity() {
        return failWhenOverCapacity;
    }

    public void setFailWhenOverCapacity(boolean failWhenOverCapacity) {
        this.failWhenOverCapacity = failWhenOverCapacity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointSettings that
                && port == that.port
                && gpuCount == that.gpuCount
                && instances == that.instances
                && timeoutMinutes == that.timeoutMinutes
                && sendTokenToEndpoint == that.sendTokenToEndpoint
                && keepWarmMinutes == that.keepWarmMinutes
                && keepWarmOnFailure == that.keepWarmOnFailure
                && maxLifetimeMinutes == that.maxLifetimeMinutes
                && failWhenOverCapacity == that.failWhenOverCapacity
                && Objects.equals(maxPricePerHour, that.maxPricePerHour)
                && Objects.equals(credentialsId, that.credentialsId)
                && Objects.equals(name, that.name)
                && Objects.equals(flavorId, that.flavorId)
                && Objects.equals(gpu, that.gpu)
                && Objects.equals(region, that.region)
                && Objects.equals(image, that.image)
                && Objects.equals(command, that.command)
                && Objects.equals(paymentType, that.paymentType)
                && Objects.equals(readinessPath, that.readinessPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, flavorId, gpu, name, instances);
    }

    @Override
    public String toString() {
        return "EndpointSettings[image=" + image + ", flavorId=" + flavorId + ", gpu=" + gpu + ", region=" + region
                + ", instances=" + instances + ", name=" + name + ", credentialsId=" + credentialsId + "]";
    }
}
