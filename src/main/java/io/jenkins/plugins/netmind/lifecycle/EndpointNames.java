package io.jenkins.plugins.netmind.lifecycle;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Endpoint names and the ownership marker written into an endpoint's description. */
public final class EndpointNames {

    /** The longest name. */
    public static final int MAX_LENGTH = 63;

    /** The marker's first word: every endpoint this plugin creates carries it. */
    public static final String MARKER = "managed-by=jenkins-netmind";

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern EXPIRES = Pattern.compile("(?:^|\\s)expires=(\\S+)");
    private static final Pattern NONCE = Pattern.compile("(?:^|\\s)nonce=([a-z0-9]{1,32})(?:\\s|$)");
    private static final int NONCE_LENGTH = 12;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SUFFIX_LENGTH = 6;

    private EndpointNames() {}

    /** Whether {@code name} is a valid endpoint name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Throws an {@link EndpointException} that says what is allowed when {@code name} is not valid. */
    public static void check(String name) {
        if (!isValid(name)) {
            throw new EndpointException(EndpointException.Reason.INVALID_SPEC, Messages.Spec_nameInvalid(name));
        }
    }

    /**
     * A fresh name from the owner (e.g. {@code folder/job #12} gives {@code folder-job-12-k3x9qa}): lowercase letters,
     * digits and dashes, starting with a letter, at most {@value #MAX_LENGTH} characters, with a random suffix.
     */
    public static String generate(String owner, RandomGenerator random) {
        String base = slug(owner);
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = base.isEmpty() ? "jenkins" : "jenkins-" + base;
        }
        int room = MAX_LENGTH - SUFFIX_LENGTH - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        while (base.endsWith("-")) {
            base = base.substring(0, base.length() - 1);
        }
        StringBuilder name = new StringBuilder(base).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /**
     * The description for a new endpoint: {@code managed-by=jenkins-netmind owner=<owner> expires=<instant>} (see
     * {@link EndpointMarker#format}).
     */
    public static String description(String owner, Instant expires) {
        return EndpointMarker.format(null, owner, expires, null);
    }

    /**
     * The description with this deploy's nonce: {@code managed-by=jenkins-netmind owner=<owner> expires=<instant>
     * nonce=<nonce>} (see {@link EndpointMarker#format}).
     */
    public static String description(String owner, Instant expires, String nonce) {
        return EndpointMarker.format(null, owner, expires, nonce);
    }

    /**
     * The description with this controller's id and the deploy's nonce: {@code managed-by=jenkins-netmind
     * ctl=<id> owner=<owner> expires=<instant> nonce=<nonce>}; without {@code ctl=} when {@code controllerId} is null.
     */
    public static String description(String controllerId, String owner, Instant expires, String nonce) {
        return EndpointMarker.format(controllerId, owner, expires, nonce);
    }

    /** A fresh per-deploy nonce: {@value #NONCE_LENGTH} lowercase letters and digits. */
    public static String nonce(RandomGenerator random) {
        StringBuilder nonce = new StringBuilder();
        for (int i = 0; i < NONCE_LENGTH; i++) {
            nonce.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return nonce.toString();
    }

    /** The nonce written into a managed endpoint's description, if any. */
    public static Optional<String> nonce(String description) {
        if (!isManaged(description)) {
            return Optional.empty();
        }
        Matcher m = NONCE.matcher(description);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Whether an endpoint with this description belongs to the deploy with {@code nonce}: always when {@code nonce}
     * is null (a ledger entry of an older version, which matched by name alone), else when the nonces are equal.
     */
    public static boolean matches(String description, String nonce) {
        return nonce == null || nonce.equals(nonce(description).orElse(null));
    }

    /** Whether a description carries this plugin's marker. */
    public static boolean isManaged(String description) {
        return description != null && description.startsWith(MARKER);
    }

    /** The expiry written into a managed endpoint's description, if any. */
    public static Optional<Instant> expiry(String description) {
        if (!isManaged(description)) {
            return Optional.empty();
        }
        Matcher m = EXPIRES.matcher(description);
        try {
            return m.find() ? Optional.of(Instant.parse(m.group(1))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String slug(String owner) {
        if (owner == null) {
            return "";
        }
        String s = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }
}
