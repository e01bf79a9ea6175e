package hudson.model;

/** Stub. */
public interface TopLevelItem extends Item, Describable<TopLevelItem> {
    @Override
    TopLevelItemDescriptor getDescriptor();
}
