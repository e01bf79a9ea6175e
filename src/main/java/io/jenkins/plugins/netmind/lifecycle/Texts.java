package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.JsonText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Formats durations, prices and costs for log lines; public so that the build page and the configuration form write
 * them the same way.
 */
public final class Texts {

    private Texts() {}

    /** {@code 45s}, {@code 12m 05s}, {@code 2h 03m}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return Messages.Time_seconds(s);
        }
        if (s < 3600) {
            return Messages.Time_minutes(s / 60, String.format(Locale.ROOT, "%02d", s % 60));
        }
        return Messages.Time_hours(s / 3600, String.format(Locale.ROOT, "%02d", (s % 3600) / 60));
    }

    /** A rough duration for people: {@code 45s} under a minute, else whole minutes ({@code 12 min}). */
    public static String about(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return Messages.Time_seconds(s);
        }
        return Messages.Time_aboutMinutes((s + 30) / 60);
    }

    /** {@code 0.30 USD}, or "unknown". */
    public static String money(BigDecimal amount, String paymentType) {
        if (amount == null) {
            return Messages.Cost_unknown();
        }
        BigDecimal shown = amount.scale() < 2 ? amount.setScale(2, RoundingMode.HALF_UP) : amount.stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2, RoundingMode.HALF_UP);
        }
        if (shown.scale() > 4) {
            shown = shown.setScale(4, RoundingMode.HALF_UP);
        }
        return Messages.Cost_amount(shown.toPlainString(), currency(paymentType));
    }

    /** The estimated cost of {@code instances} instances at {@code pricePerHour} each for {@code lifetime}. */
    public static BigDecimal cost(BigDecimal pricePerHour, int instances, Duration lifetime) {
        if (pricePerHour == null || lifetime == null) {
            return null;
        }
        BigDecimal hours =
                BigDecimal.valueOf(lifetime.toMillis()).divide(BigDecimal.valueOf(3_600_000L), 8, RoundingMode.HALF_UP);
        return pricePerHour
                .multiply(BigDecimal.valueOf(instances))
                .multiply(hours)
                .setScale(4, RoundingMode.HALF_UP);
    }

    public static String currency(String paymentType) {
        return paymentType == null ? "" : paymentType.toUpperCase(Locale.ROOT);
    }

    /** {@code text} for a message: control characters as {@code \\uXXXX}, cut to 80 characters. */
    static String printable(String text) {
        return JsonText.printable(text);
    }
}
