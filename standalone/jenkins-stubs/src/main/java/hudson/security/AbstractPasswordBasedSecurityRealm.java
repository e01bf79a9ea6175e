package hudson.security;

/** Stub. */
public abstract class AbstractPasswordBasedSecurityRealm extends SecurityRealm {
    public AbstractPasswordBasedSecurityRealm() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public SecurityComponents createSecurityComponents() {
        throw new UnsupportedOperationException("stub");
    }
}
