package io.jenkins.plugins.netmind.steps;

import java.math.BigDecimal;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step that creates an endpoint: its parameters are the {@link EndpointSettings}, exposed one by one so that
 * Pipeline scripts write {@code netmindDeploy(image: ..., gpu: 'NVIDIA_GeForce_RTX_4090')}. The form fields and their help live with
 * this class and are shared by every subclass.
 */
public abstract class EndpointStep extends Step {

    private final EndpointSettings settings;

    protected EndpointStep(String image) {
        this.settings = new EndpointSettings(image);
    }

    /** A copy of the settings, so that an execution cannot change the step. */
    public EndpointSettings toSettings() {
        return settings.copy();
    }

    public String getImage() {
        return settings.getImage();
    }

    public String getCredentialsId() {
        return settings.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        settings.setCredentialsId(credentialsId);
    }

    public String getName() {
        return settings.getName();
    }

    @DataBoundSetter
    public void setName(String name) {
        settings.setName(name);
    }

    public String getFlavorId() {
        return settings.getFlavorId();
    }

    @DataBoundSetter
    public void setFlavorId(String flavorId) {
        settings.setFlavorId(flavorId);
    }

    public String getGpu() {
        return settings.getGpu();
    }

    @DataBoundSetter
    public void setGpu(String gpu) {
        settings.setGpu(gpu);
    }

    public String getRegion() {
        return settings.getRegion();
    }

    @DataBoundSetter
    public void setRegion(String region) {
        settings.setRegion(region);
    }

    public String getCommand() {
        return settings.getCommand();
    }

    @DataBoundSetter
    public void setCommand(String command) {
        settings.setCommand(command);
    }

    public int getPort() {
        return settings.getPort();
    }

    @DataBoundSetter
    public void setPort(int port) {
        settings.setPort(port);
    }

    public int getGpuCount() {
        return settings.getGpuCount();
    }

    @DataBoundSetter
    public void setGpuCount(int gpuCount) {
        settings.setGpuCount(gpuCount);
    }

    public int getInstances() {
        return settings.getInstances();
    }

    @DataBoundSetter
    public void setInstances(int instances) {
        settings.setInstances(instances);
    }

    public String getPaymentType() {
        return settings.getPaymentType();
    }

    @DataBoundSetter
    public void setPaymentType(String paymentType) {
        settings.setPaymentType(paymentType);
    }

    public int getTimeoutMinutes() {
        return settings.getTimeoutMinutes();
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        settings.setTimeoutMinutes(timeoutMinutes);
    }

    public String getReadinessPath() {
        return settings.getReadinessPath();
    }

    @DataBoundSetter
    public void setReadinessPath(String readinessPath) {
        settings.setReadinessPath(readinessPath);
    }

    public boolean isSendTokenToEndpoint() {
        return settings.isSendTokenToEndpoint();
    }

    @DataBoundSetter
    public void setSendTokenToEndpoint(boolean sendTokenToEndpoint) {
        settings.setSendTokenToEndpoint(sendTokenToEndpoint);
    }

    // ---- warm pool (issue 13) ----

    public int getKeepWarmMinutes() {
        return settings.getKeepWarmMinutes();
    }

    @DataBoundSetter
    public void setKeepWarmMinutes(int keepWarmMinutes) {
        settings.setKeepWarmMinutes(keepWarmMinutes);
    }

    public boolean isKeepWarmOnFailure() {
        return settings.isKeepWarmOnFailure();
    }

    @DataBoundSetter
    public void setKeepWarmOnFailure(boolean keepWarmOnFailure) {
        settings.setKeepWarmOnFailure(keepWarmOnFailure);
    }

    // Maximum lifetime (issue 11)
    public int getMaxLifetimeMinutes() {
        return settings.getMaxLifetimeMinutes();
    }

    @DataBoundSetter
    public void setMaxLifetimeMinutes(int maxLifetimeMinutes) {
        settings.setMaxLifetimeMinutes(maxLifetimeMinutes);
    }

    // ---- Capacity guard (issue 12) ----

    /** The most this endpoint may cost per hour in US dollars, 0 for no ceiling. */
    public double getMaxPricePerHour() {
        BigDecimal price = settings.getMaxPricePerHour();
        return price == null ? 0 : price.doubleValue();
    }

    /**
     * The most this endpoint may cost per hour in US dollars (the flavor's USD price, whatever the payment type); 0 for
     * no ceiling. A double so that Pipeline takes {@code maxPricePerHour: 2.5}; kept as the decimal it was written as.
     */
    @DataBoundSetter
    public void setMaxPricePerHour(double maxPricePerHour) {
        settings.setMaxPricePerHour(maxPricePerHour == 0 ? null : BigDecimal.valueOf(maxPricePerHour));
    }

    public boolean isFailWhenOverCapacity() {
        return settings.isFailWhenOverCapacity();
    }

    /** Whether to fail instead of waiting when the controller's limits cannot admit the deploy now. */
    @DataBoundSetter
    public void setFailWhenOverCapacity(boolean failWhenOverCapacity) {
        settings.setFailWhenOverCapacity(failWhenOverCapacity);
    }
}
