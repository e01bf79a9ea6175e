package hudson.model.queue;

import hudson.model.Queue;
import hudson.model.ResourceActivity;
import java.io.IOException;

/** Stub. */
public interface SubTask extends ResourceActivity {
    Queue.Executable createExecutable() throws IOException;
}
