package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Stub. */
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
