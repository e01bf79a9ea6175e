package org.jvnet.hudson.test;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;

/** Stub. */
public class JenkinsRule {
    public Jenkins jenkins;

    public JenkinsRule() {
        throw new UnsupportedOperationException("stub");
    }

    public Jenkins getInstance() {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public MockFolder createFolder(String name) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public <R extends Run> R assertBuildStatus(Result status, Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public <R extends Run> R assertBuildStatusSuccess(R r) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void waitUntilNoActivity() throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public void configRoundtrip() throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public FreeStyleProject createFreeStyleProject(String name) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public FreeStyleBuild buildAndAssertSuccess(FreeStyleProject job) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public <I extends Item> I configRoundtrip(I job) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws IllegalAccessException, InvocationTargetException, NoSuchMethodException {
        throw new UnsupportedOperationException("stub");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        DummySecurityRealm() {
            throw new UnsupportedOperationException("stub");
        }
    }
}
