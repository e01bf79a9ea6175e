package org.jvnet.hudson.test.junit.jupiter;

import java.io.File;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

/** Stub. */
public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {
    public JenkinsSessionExtension() {
        throw new UnsupportedOperationException("stub");
    }

    public File getHome() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        throw new UnsupportedOperationException("stub");
    }

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    @FunctionalInterface
    public interface Step extends JenkinsSessionFixture.Step {}
}
