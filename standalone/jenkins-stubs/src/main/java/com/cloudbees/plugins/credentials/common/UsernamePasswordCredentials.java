package com.cloudbees.plugins.credentials.common;

/** Stub. */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}
