package hudson.model;

import java.io.IOException;

/** Stub. */
public class FreeStyleBuild extends Build<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleBuild(FreeStyleProject project) throws IOException {
        super(project);
        throw new UnsupportedOperationException("stub");
    }
}
