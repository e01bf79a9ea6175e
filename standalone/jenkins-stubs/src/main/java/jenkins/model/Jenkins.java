package jenkins.model;

import hudson.ProxyConfiguration;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/** Stub. */
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {
    public static final Permission ADMINISTER = null;
    public static final Permission READ = null;

    private Jenkins() {
        throw new UnsupportedOperationException("stub");
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("stub");
    }

    public Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public List<TopLevelItem> getItems() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getUrl() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getUrlChildPrefix() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public TopLevelItem getItem(String name) throws AccessDeniedException {
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
    public File getRootDir() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stub");
    }

    public void setSecurityRealm(SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("stub");
    }

    public void setAuthorizationStrategy(AuthorizationStrategy a) {
        throw new UnsupportedOperationException("stub");
    }

    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("stub");
    }

    public void setProxy(ProxyConfiguration proxy) {
        throw new UnsupportedOperationException("stub");
    }
}
