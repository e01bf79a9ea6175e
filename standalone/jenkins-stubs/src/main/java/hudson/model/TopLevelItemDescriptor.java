package hudson.model;

/** Stub. */
public abstract class TopLevelItemDescriptor extends Descriptor<TopLevelItem> {
    protected TopLevelItemDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract TopLevelItem newInstance(ItemGroup parent, String name);
}
