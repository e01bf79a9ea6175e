package com.cloudbees.plugins.credentials.common;

/** Stub. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {}
