package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Stub. */
public interface CredentialsMatcher extends Serializable {
    boolean matches(Credentials item);
}
