package jenkins.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Stub. */
public abstract class QueueItemAuthenticator implements Describable<QueueItemAuthenticator>, ExtensionPoint {
    public QueueItemAuthenticator() {
        throw new UnsupportedOperationException("stub");
    }
}
