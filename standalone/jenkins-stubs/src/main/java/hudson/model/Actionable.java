package hudson.model;

import java.util.List;

/** Stub. */
public abstract class Actionable implements ModelObject {
    public Actionable() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public abstract String getDisplayName();

    public abstract String getSearchUrl();

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }
}
