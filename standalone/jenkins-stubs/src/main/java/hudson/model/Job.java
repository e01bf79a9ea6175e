package hudson.model;

import hudson.search.Search;
import hudson.search.SearchIndex;
import hudson.security.ACL;
import java.io.File;
import java.io.IOException;
import java.util.Collection;
import java.util.SortedMap;

/** Stub. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements Item {
    protected Job(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("stub");
    }

    public abstract boolean isBuildable();

    protected abstract SortedMap<Integer, ? extends RunT> _getRuns();

    protected abstract void removeRun(RunT run);

    @Override
    public ItemGroup<? extends Item> getParent() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException("stub");
    }

    public void renameTo(String newName) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getShortUrl() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void onLoad(ItemGroup<? extends Item> parent, String name) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void onCopiedFrom(Item src) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public File getRootDir() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Search getSearch() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getSearchName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getSearchUrl() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public final SearchIndex getSearchIndex() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stub");
    }
}
