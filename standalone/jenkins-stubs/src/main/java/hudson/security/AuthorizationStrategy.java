package hudson.security;

import hudson.ExtensionPoint;
import java.util.Collection;

/** Stub. */
public abstract class AuthorizationStrategy implements ExtensionPoint {
    public AuthorizationStrategy() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract ACL getRootACL();

    public abstract Collection<String> getGroups();
}
