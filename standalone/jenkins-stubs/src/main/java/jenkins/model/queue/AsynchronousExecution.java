package jenkins.model.queue;

/** Stub. */
public abstract class AsynchronousExecution extends RuntimeException {
    protected AsynchronousExecution() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract void interrupt(boolean forShutdown);

    public abstract boolean blocksRestart();

    public abstract boolean displayCell();
}
