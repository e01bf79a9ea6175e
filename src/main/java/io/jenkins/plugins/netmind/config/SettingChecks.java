package io.jenkins.plugins.netmind.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for the global NetMind settings, free of Jenkins so that they can be tested alone. Each check returns the
 * message to show, or nothing when the value is fine.
 */
public final class SettingChecks {

    private SettingChecks() {}

    /** An absolute https URL, or a plain http URL whose host is a loopback address (the simulator). */
    static Optional<String> apiUrl(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return Optional.of(Messages.SettingChecks_apiUrlBlank());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of(Messages.SettingChecks_apiUrlInvalid(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(Messages.SettingChecks_apiUrlInvalid(text));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(Messages.SettingChecks_apiUrlNoHost(text));
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of(Messages.SettingChecks_apiUrlPlainHttp(text));
        }
        return Optional.empty();
    }

    /** Parses a URL that {@link #apiUrl(String)} accepts; otherwise throws with the same message. */
    public static URI parseApiUrl(String value) {
        Optional<String> problem = apiUrl(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return URI.create(value.trim());
    }

    /** A whole number of minutes, at least one. */
    static Optional<String> timeoutMinutes(String value) {
        try {
            if (Integer.parseInt(value == null ? "" : value.trim()) >= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of(Messages.SettingChecks_timeoutMinutes(value == null ? "" : value.trim()));
    }

    // Maximum lifetime (issue 11)
    /** The longest lifetime, in minutes: 366 days, as {@code DeploySpec.MAX_EXPIRES_AFTER}. */
    static final int MAX_LIFETIME_MINUTES = 366 * 24 * 60;

    /** A whole number of minutes, from 1 to 366 days. */
    static Optional<String> lifetimeMinutes(String value) {
        String text = value == null ? "" : value.trim();
        try {
            int minutes = Integer.parseInt(text);
            if (minutes >= 1 && minutes <= MAX_LIFETIME_MINUTES) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of(Messages.SettingChecks_lifetimeMinutes(text, MAX_LIFETIME_MINUTES));
    }

    /** Empty or 0 (no ceiling), or a lifetime as {@link #lifetimeMinutes}. */
    static Optional<String> lifetimeCeilingMinutes(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.equals("0")) {
            return Optional.empty();
        }
        return lifetimeMinutes(text).map(problem -> Messages.SettingChecks_lifetimeCeiling(text, MAX_LIFETIME_MINUTES));
    }

    /** The default lifetime is not above the ceiling (when both are numbers and the ceiling is set). */
    static Optional<String> defaultWithinCeiling(String defaultValue, String ceilingValue) {
        try {
            int def = Integer.parseInt(defaultValue == null ? "" : defaultValue.trim());
            int ceiling = Integer.parseInt(ceilingValue == null ? "" : ceilingValue.trim());
            if (ceiling > 0 && def > ceiling) {
                return Optional.of(Messages.SettingChecks_lifetimeAboveCeiling(def, ceiling));
            }
        } catch (NumberFormatException e) {
            // an empty ceiling, or a format the other checks report
        }
        return Optional.empty();
    }

    /** Empty (no readiness probe) or a path starting with a slash, without spaces. */
    static Optional<String> readinessPath(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || (text.startsWith("/") && !text.contains(" ") && !text.contains("://"))) {
            return Optional.empty();
        }
        return Optional.of(Messages.SettingChecks_readinessPath(text));
    }

    /** The trimmed text, or {@code null} when it is null or blank. */
    public static String blankToNull(String value) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        return value.trim();
    }

    /** True for localhost and literal loopback addresses; never resolves a name through DNS. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        return h.matches("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
