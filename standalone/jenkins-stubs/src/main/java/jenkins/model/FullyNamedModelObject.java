package jenkins.model;

import hudson.model.ModelObject;

/** Stub. */
public interface FullyNamedModelObject extends ModelObject {
    String getFullDisplayName();
}
