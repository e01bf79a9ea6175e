package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Item;

/** Stub. */
public class ItemListener implements ExtensionPoint {
    public ItemListener() {
        throw new UnsupportedOperationException("stub");
    }

    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        throw new UnsupportedOperationException("stub");
    }
}
