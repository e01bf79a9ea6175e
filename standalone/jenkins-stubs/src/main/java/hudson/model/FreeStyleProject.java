package hudson.model;

/** Stub. */
public class FreeStyleProject extends Project<FreeStyleProject, FreeStyleBuild> {
    public FreeStyleProject(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected Class<FreeStyleBuild> getBuildClass() {
        throw new UnsupportedOperationException("stub");
    }
}
