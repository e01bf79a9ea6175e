package hudson;

import java.io.File;
import java.io.IOException;

/** Stub. */
public final class XmlFile {
    public XmlFile(File file) {
        throw new UnsupportedOperationException("stub");
    }

    public File getFile() {
        throw new UnsupportedOperationException("stub");
    }

    public Object read() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public Object unmarshal(Object o) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public void write(Object o) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean exists() {
        throw new UnsupportedOperationException("stub");
    }

    public void delete() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public String asString() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("stub");
    }
}
