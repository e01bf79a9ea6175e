package hudson;

import java.io.IOException;

/** Stub. */
public class AbortException extends IOException {
    public AbortException() {
        throw new UnsupportedOperationException("stub");
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("stub");
    }
}
