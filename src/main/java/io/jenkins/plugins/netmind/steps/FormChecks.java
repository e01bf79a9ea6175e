package io.jenkins.plugins.netmind.steps;

import hudson.util.FormValidation;

/**
 * The rules behind the steps' {@code doCheck*} form methods, as plain functions that throw {@link
 * IllegalArgumentException} with the message to show. The rules are checked again when the step runs.
 */
final class FormChecks {

    private FormChecks() {}

    /** Runs {@code check}: no complaint is OK, a complaint is a form error. */
    static FormValidation toValidation(Runnable check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static void required(String value, String message) {
        if (EndpointSettings.clean(value) == null) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Exactly one of GPU model and flavor id. */
    static void exactlyOneHardware(String gpu, String flavorId) {
        String g = EndpointSettings.clean(gpu);
        String f = EndpointSettings.clean(flavorId);
        if (g == null && f == null) {
            throw new IllegalArgumentException(Messages.Forms_hardwareMissing());
        }
        if (g != null && f != null) {
            throw new IllegalArgumentException(Messages.Forms_hardwareTwice());
        }
    }

    /** Empty is fine (the default applies); otherwise a whole number of at least {@code min}. */
    static void atLeast(String label, String value, int min) {
        between(label, value, min, Integer.MAX_VALUE);
    }

    /**
     * Empty is fine (the default applies); otherwise a whole number from {@code min} to {@code max}. {@code label}
     * names the field in the complaint.
     */
    static void between(String label, String value, int min, int max) {
        String cleaned = EndpointSettings.clean(value);
        if (cleaned == null) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(cleaned);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.Forms_notANumber(label, cleaned));
        }
        if (number < min) {
            throw new IllegalArgumentException(
                    Messages.Forms_tooSmall(label, String.valueOf(number), String.valueOf(min)));
        }
        if (number > max) {
            throw new IllegalArgumentException(
                    Messages.Forms_tooLarge(label, String.valueOf(number), String.valueOf(max)));
        }
    }

    /** Empty is fine; otherwise a path starting with a slash. */
    static void path(String value) {
        String cleaned = EndpointSettings.clean(value);
        if (cleaned != null && !cleaned.startsWith("/")) {
            throw new IllegalArgumentException(Messages.Forms_pathWithoutSlash(cleaned));
        }
    }

    /** Empty is fine (the default prefix); otherwise a valid start of an environment variable name. */
    static void variablePrefix(String value) {
        EndpointVariables.withPrefix(value);
    }
}
