package com.cloudbees.plugins.credentials.common;

/** Stub. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    public StandardListBoxModel() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException("stub");
    }
}
