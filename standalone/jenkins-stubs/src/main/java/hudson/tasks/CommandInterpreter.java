package hudson.tasks;

import hudson.FilePath;

/** Stub. */
public abstract class CommandInterpreter extends Builder {
    protected CommandInterpreter(String command) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract String[] buildCommandLine(FilePath script);

    protected abstract String getContents();

    protected abstract String getFileExtension();
}
