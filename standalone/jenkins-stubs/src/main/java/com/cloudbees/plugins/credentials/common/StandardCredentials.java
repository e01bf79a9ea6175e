package com.cloudbees.plugins.credentials.common;

/** Stub. */
public interface StandardCredentials extends IdCredentials {
    String getDescription();
}
