package hudson.model;

/** Stub. */
public interface ModelObject {
    String getDisplayName();
}
