package hudson.security;

import hudson.ExtensionPoint;

/** Stub. */
public abstract class SecurityRealm implements ExtensionPoint {
    public SecurityRealm() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract SecurityComponents createSecurityComponents();

    /** Stub. */
    public static final class SecurityComponents {
        public SecurityComponents() {
            throw new UnsupportedOperationException("stub");
        }
    }
}
