package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Stub. */
public class CpsFlowDefinition extends FlowDefinition {
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
        throw new UnsupportedOperationException("stub");
    }

    public String getScript() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isSandbox() {
        throw new UnsupportedOperationException("stub");
    }
}
