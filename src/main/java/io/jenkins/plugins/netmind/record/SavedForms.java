package io.jenkins.plugins.netmind.record;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Run;
import jenkins.model.Jenkins;

/**
 * Keeps what earlier builds of the plugin saved readable after its classes moved out of the root package
 * ({@code io.jenkins.plugins.netmind}): build records in {@code build.xml}, the registry and the global settings
 * name the old classes. Their files keep their old names ({@link EndpointRegistry}, {@link NetMindGlobalConfiguration}).
 */
public final class SavedForms {

    /** The package the shell's classes were saved from before they moved. */
    public static final String OLD_PACKAGE = "io.jenkins.plugins.netmind.";

    private SavedForms() {}

    /** Before any settings or build is loaded. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void addAliases() {
        for (Class<?> moved : new Class<?>[] {NetMindBuildAction.class, RecordedEndpoint.class}) {
            Run.XSTREAM2.addCompatibilityAlias(OLD_PACKAGE + moved.getSimpleName(), moved);
        }
        for (Class<?> moved : new Class<?>[] {EndpointRegistry.class, RecordedEndpoint.class}) {
            Jenkins.XSTREAM2.addCompatibilityAlias(OLD_PACKAGE + moved.getSimpleName(), moved);
        }
    }
}
