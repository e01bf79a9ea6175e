package hudson.util;

import java.io.IOException;

/** Stub. */
public abstract class FormValidation extends IOException {
    public final Kind kind;

    private FormValidation() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract String renderHtml();

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }
}
