package hudson.security;

/** Stub. */
public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("stub");
    }
}
