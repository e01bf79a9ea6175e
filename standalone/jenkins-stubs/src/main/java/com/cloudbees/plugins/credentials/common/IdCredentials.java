package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Stub. */
public interface IdCredentials extends Credentials {
    String getId();
}
