package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;
import java.io.IOException;
import java.util.List;

/** Stub. */
public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> {
    public SystemCredentialsProvider() {
        throw new UnsupportedOperationException("stub");
    }

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("stub");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("stub");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
