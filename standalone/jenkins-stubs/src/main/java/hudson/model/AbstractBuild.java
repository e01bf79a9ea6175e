package hudson.model;

import hudson.EnvVars;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Stub. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements Queue.Executable {
    protected AbstractBuild(P job) throws IOException {
        super(job);
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public abstract void run();

    public final P getProject() {
        throw new UnsupportedOperationException("stub");
    }

    public EnvVars getEnvironment(TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized HttpResponse doStop() throws IOException, jakarta.servlet.ServletException {
        throw new UnsupportedOperationException("stub");
    }
}
