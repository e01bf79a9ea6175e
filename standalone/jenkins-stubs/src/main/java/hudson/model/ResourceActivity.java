package hudson.model;

/** Stub. */
public interface ResourceActivity extends ModelObject {}
