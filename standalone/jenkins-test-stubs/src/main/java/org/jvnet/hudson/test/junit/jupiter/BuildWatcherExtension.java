package org.jvnet.hudson.test.junit.jupiter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Stub. */
public class BuildWatcherExtension implements BeforeAllCallback, AfterAllCallback {
    public BuildWatcherExtension() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        throw new UnsupportedOperationException("stub");
    }
}
