package hudson;

/** Stub. */
public interface ExtensionPoint {}
