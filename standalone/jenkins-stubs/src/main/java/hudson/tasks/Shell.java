package hudson.tasks;

import hudson.FilePath;

/** Stub. */
public class Shell extends CommandInterpreter {
    public Shell(String command) {
        super(command);
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String[] buildCommandLine(FilePath script) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected String getContents() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    protected String getFileExtension() {
        throw new UnsupportedOperationException("stub");
    }
}
