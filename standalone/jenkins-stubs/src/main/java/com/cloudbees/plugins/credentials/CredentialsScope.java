package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;

/** Stub. */
public enum CredentialsScope {
    SYSTEM {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stub");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stub");
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public boolean isVisible(ModelObject object) {
            throw new UnsupportedOperationException("stub");
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject object);
}
