package org.jvnet.hudson.test;

import jenkins.security.QueueItemAuthenticator;
import org.springframework.security.core.Authentication;

/** Stub. */
public final class MockQueueItemAuthenticator extends QueueItemAuthenticator {
    public MockQueueItemAuthenticator() {
        throw new UnsupportedOperationException("stub");
    }

    public MockQueueItemAuthenticator authenticate(String fullName, Authentication authentication) {
        throw new UnsupportedOperationException("stub");
    }
}
