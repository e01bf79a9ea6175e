package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.queue.AsynchronousExecution;

/** Stub. */
public class Queue {
    private Queue() {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    public interface Task extends FullyNamedModelObject, SubTask {
        String getName();

        String getUrl();
    }

    /** Stub. */
    public interface Executable extends Runnable {
        SubTask getParent();

        @Override
        void run() throws AsynchronousExecution;

        @Override
        String toString();
    }
}
