package io.jenkins.plugins.netmind.connection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import jenkins.model.Jenkins;
import org.jenkinsci.main.modules.instance_identity.InstanceIdentity;

/**
 * This controller's id in the endpoint marker ({@code ctl=}): the first 12 hex digits of the SHA-256 of the Jenkins
 * instance identity's public key (kept in {@code JENKINS_HOME}, so it survives restarts and differs between
 * controllers; a copy of {@code JENKINS_HOME}, such as a restored backup, shares it).
 */
public final class ControllerIdentity {

    /** Hex digits of the id. */
    static final int LENGTH = 12;

    private static volatile Cached cached;

    private record Cached(Jenkins jenkins, String id) {}

    private ControllerIdentity() {}

    /** This controller's id: 12 lowercase hex digits. */
    public static String id() {
        Jenkins jenkins = Jenkins.get();
        Cached c = cached;
        if (c != null && c.jenkins() == jenkins) {
            return c.id();
        }
        String id = hash(InstanceIdentity.get().getPublic().getEncoded());
        cached = new Cached(jenkins, id);
        return id;
    }

    static String hash(byte[] material) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
