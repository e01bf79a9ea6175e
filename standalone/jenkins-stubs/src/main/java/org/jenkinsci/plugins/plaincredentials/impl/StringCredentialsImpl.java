package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Stub. */
public final class StringCredentialsImpl extends BaseStandardCredentials implements StringCredentials {
    public StringCredentialsImpl(CredentialsScope scope, String id, String description, Secret secret) {
        super(scope, id, description);
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Secret getSecret() {
        throw new UnsupportedOperationException("stub");
    }
}
