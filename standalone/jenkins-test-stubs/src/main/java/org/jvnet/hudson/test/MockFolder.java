package org.jvnet.hudson.test;

import hudson.model.Actionable;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.TopLevelItemDescriptor;
import hudson.search.Search;
import hudson.search.SearchIndex;
import hudson.security.ACL;
import java.io.File;
import java.io.IOException;
import java.util.Collection;

/** Stub. */
public class MockFolder extends Actionable implements TopLevelItem, ItemGroup<TopLevelItem> {
    protected MockFolder(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Collection<TopLevelItem> getItems() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public TopLevelItem getItem(String name) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getUrlChildPrefix() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public File getRootDirFor(TopLevelItem child) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void onDeleted(TopLevelItem item) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public TopLevelItemDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ItemGroup<? extends Item> getParent() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Collection<? extends Job> getAllJobs() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getUrl() {
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
    public SearchIndex getSearchIndex() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stub");
    }
}
