package hudson.util;

import java.io.Serializable;

/** Stub. */
public final class Secret implements Serializable {
    private Secret() {
        throw new UnsupportedOperationException("stub");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("stub");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("stub");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("stub");
    }
}
