package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Stub. */
public class DomainRequirement implements ExtensionPoint, Serializable {
    public DomainRequirement() {
        throw new UnsupportedOperationException("stub");
    }
}
