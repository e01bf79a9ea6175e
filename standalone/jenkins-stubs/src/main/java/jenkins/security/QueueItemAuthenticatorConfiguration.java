package jenkins.security;

import hudson.util.DescribableList;
import jenkins.model.GlobalConfiguration;

/** Stub. */
public class QueueItemAuthenticatorConfiguration extends GlobalConfiguration {
    public QueueItemAuthenticatorConfiguration() {
        throw new UnsupportedOperationException("stub");
    }

    public DescribableList<QueueItemAuthenticator, ?> getAuthenticators() {
        throw new UnsupportedOperationException("stub");
    }

    public static QueueItemAuthenticatorConfiguration get() {
        throw new UnsupportedOperationException("stub");
    }
}
