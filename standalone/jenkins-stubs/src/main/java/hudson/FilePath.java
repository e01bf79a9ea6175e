package hudson;

import java.io.File;

/** Stub. */
public final class FilePath {
    public FilePath(File localPath) {
        throw new UnsupportedOperationException("stub");
    }
}
