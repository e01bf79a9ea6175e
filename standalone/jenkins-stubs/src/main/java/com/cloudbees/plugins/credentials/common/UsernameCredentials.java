package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stub. */
public interface UsernameCredentials extends Credentials {
    String getUsername();
}
