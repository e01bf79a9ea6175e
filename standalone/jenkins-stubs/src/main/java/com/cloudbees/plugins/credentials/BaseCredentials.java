package com.cloudbees.plugins.credentials;

/** Stub. */
public class BaseCredentials implements Credentials {
    protected BaseCredentials() {
        throw new UnsupportedOperationException("stub");
    }

    public BaseCredentials(CredentialsScope scope) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
