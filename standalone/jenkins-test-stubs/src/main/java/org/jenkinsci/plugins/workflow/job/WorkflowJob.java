package org.jenkinsci.plugins.workflow.job;

import hudson.model.Action;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import hudson.model.queue.QueueTaskFuture;
import java.io.IOException;
import java.util.SortedMap;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Stub. */
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements TopLevelItem, Queue.Task {
    public WorkflowJob(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stub");
    }

    public FlowDefinition getDefinition() {
        throw new UnsupportedOperationException("stub");
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean isBuildable() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected SortedMap<Integer, WorkflowRun> _getRuns() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected void removeRun(WorkflowRun run) {
        throw new UnsupportedOperationException("stub");
    }

    public WorkflowRun getBuildByNumber(int n) {
        throw new UnsupportedOperationException("stub");
    }

    public WorkflowRun getLastBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public TopLevelItemDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Queue.Executable createExecutable() throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
