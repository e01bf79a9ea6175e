package hudson.model;

/** Stub. */
public abstract class Descriptor<T extends Describable<T>> {
    public final transient Class<? extends T> clazz = null;

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("stub");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("stub");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("stub");
    }

    public String getHelpFile(String fieldName) {
        throw new UnsupportedOperationException("stub");
    }

    protected void addHelpFileRedirect(
            String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo) {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
            throw new UnsupportedOperationException("stub");
        }
    }
}
