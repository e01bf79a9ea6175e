package com.cloudbees.plugins.credentials.common;

/** Stub. */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
