package io.jenkins.plugins.netmind.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ownership marker of a managed endpoint, read from its description: one line of space-separated
 * {@code key=value} words after {@value EndpointNames#MARKER}, e.g.
 * {@code managed-by=jenkins-netmind ctl=3f9a0c1be27d owner=team/my%20app%20#7 expires=2026-12-02T03:00:00Z
 * nonce=k3x9qa0b1c2d}. Keys are found by name, so a reader skips keys it does not know, and markers of older versions
 * (no {@code ctl=}, no {@code nonce=}, an owner with blanks written as {@code _}) still parse.
 *
 * @param controllerId the id of the controller that created the endpoint, or null (an older version wrote none)
 * @param owner the owning build as the marker names it ({@code folder/job #12}), or null when absent
 * @param job the owning job's full name, or null when the owner does not end in {@code " #<number>"}
 * @param build the owning build's number, or null with {@code job}
 * @param expires the expiry, or null when absent or unreadable (a description edited by hand)
 * @param nonce the per-deploy nonce, or null (older versions)
 */
public record EndpointMarker(
        String controllerId, String owner, String job, Integer build, Instant expires, String nonce) {

    /** The longest owner written, after encoding; a longer one is cut (its job then names no job). */
    public static final int MAX_OWNER_LENGTH = 80;

    private static final Pattern CONTROLLER = Pattern.compile("(?:^|\\s)ctl=([a-z0-9]{1,32})(?:\\s|$)");
    private static final Pattern OWNER = Pattern.compile("(?:^|\\s)owner=(\\S*)");
    private static final Pattern EXPIRES = Pattern.compile("(?:^|\\s)expires=(\\S+)");
    private static final Pattern NONCE = Pattern.compile("(?:^|\\s)nonce=([a-z0-9]{1,32})(?:\\s|$)");
    private static final Pattern JOB_AND_BUILD = Pattern.compile("(.+) #([0-9]{1,9})");
    private static final Pattern CONTROLLER_ID = Pattern.compile("[a-z0-9]{1,32}");

    /** Whether {@code id} can be written as a controller id: 1 to 32 lowercase letters and digits. */
    public static boolean isValidControllerId(String id) {
        return id != null && CONTROLLER_ID.matcher(id).matches();
    }

    /** The marker of a managed description; empty when {@code description} does not start with the marker. */
    public static Optional<EndpointMarker> parse(String description) {
        if (!EndpointNames.isManaged(description)) {
            return Optional.empty();
        }
        String controllerId = group(CONTROLLER, description);
        String written = group(OWNER, description);
        String owner = written == null || written.isEmpty() ? null : decode(written);
        Owner parsed = owner == null ? null : Owner.parse(owner).orElse(null);
        String job = parsed == null ? null : parsed.job();
        Integer build = parsed == null ? null : parsed.build();
        Instant expires = null;
        String expiry = group(EXPIRES, description);
        if (expiry != null) {
            try {
                expires = Instant.parse(expiry);
            } catch (RuntimeException e) {
                expires = null;
            }
        }
        return Optional.of(new EndpointMarker(controllerId, owner, job, build, expires, group(NONCE, description)));
    }

    /**
     * The description for a new endpoint: {@code managed-by=jenkins-netmind [ctl=<id>] owner=<owner> expires=<instant>
     * [nonce=<nonce>]}. The owner's {@code %} and blanks are written as {@code %25} and {@code %20} (so no word of it
     * reads as a field and {@code folder/my job #12} parses back exactly), cut to {@value #MAX_OWNER_LENGTH}
     * characters.
     *
     * @param controllerId this controller's id, or null to write none
     * @param nonce the deploy's nonce, or null to write none
     */
    public static String format(String controllerId, String owner, Instant expires, String nonce) {
        StringBuilder s = new StringBuilder(EndpointNames.MARKER);
        if (controllerId != null) {
            if (!isValidControllerId(controllerId)) {
                throw new IllegalArgumentException("Not a controller id: " + controllerId);
            }
            s.append(" ctl=").append(controllerId);
        }
        s.append(" owner=").append(encode(owner == null ? "" : owner.trim()));
        s.append(" expires=").append(expires.truncatedTo(ChronoUnit.SECONDS));
        if (nonce != null) {
            s.append(" nonce=").append(nonce);
        }
        return s.toString();
    }

    /**
     * The owning build as a job's full name and a build number.
     *
     * @param job the job's full name
     * @param build the build number
     */
    public record Owner(String job, int build) {

        /** {@code folder/my job #12} as its job and number; empty when the text does not end in {@code " #<number>"}. */
        public static Optional<Owner> parse(String owner) {
            Matcher m = owner == null ? null : JOB_AND_BUILD.matcher(owner);
            return m != null && m.matches()
                    ? Optional.of(new Owner(m.group(1), Integer.parseInt(m.group(2))))
                    : Optional.empty();
        }
    }

    /** Whether this marker names a controller other than {@code controllerId}. */
    public boolean isOtherController(String controllerId) {
        return this.controllerId != null && !this.controllerId.equals(controllerId);
    }

    /** Whether the expiry is known and {@code now} is at or past it. */
    public boolean isExpired(Instant now) {
        return expires != null && !now.isBefore(expires);
    }

    static String encode(String owner) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < owner.length(); ) {
            int c = owner.codePointAt(i);
            String piece;
            if (c == '%') {
                piece = "%25";
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                piece = c < 0x100 ? String.format("%%%02X", c) : "%20";
            } else {
                piece = new String(Character.toChars(c));
            }
            if (s.length() + piece.length() > MAX_OWNER_LENGTH) {
                break;
            }
            s.append(piece);
            i += Character.charCount(c);
        }
        return s.toString();
    }

    static String decode(String written) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '%' && isHex(written, i + 1) && isHex(written, i + 2)) {
                s.append((char) Integer.parseInt(written.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static String group(Pattern pattern, String description) {
        Matcher m = pattern.matcher(description);
        return m.find() ? m.group(1) : null;
    }
}
