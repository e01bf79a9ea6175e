package io.jenkins.plugins.netmind.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds the test-naming rule fake compiled tests of each kind, and shows it fails naming the class. */
class JenkinsTestRuleTest {

    @TempDir
    Path work;

    /** A fake Jenkins test harness: only its package names matter to the rule. */
    private Path harness;

    @BeforeEach
    void fakeHarness() throws Exception {
        harness = Javac.compile(
                work,
                "harness",
                Map.of(
                        "org.jvnet.hudson.test.JenkinsRule", """
                        package org.jvnet.hudson.test;
                        public class JenkinsRule {}
                        """,
                        "org.jvnet.hudson.test.junit.jupiter.WithJenkins", """
                        package org.jvnet.hudson.test.junit.jupiter;
                        public @interface WithJenkins {}
                        """));
    }

    @Test
    void harnessTestWithoutTheSuffixFails() throws Exception {
        Path tests = Javac.compile(work, "tests", Map.of("demo.StepTest", """
                package demo;
                class StepTest { void run(org.jvnet.hudson.test.JenkinsRule j) {} }
                """), harness);

        assertEquals(
                List.of("demo.StepTest uses the Jenkins test harness but its name does not end in JenkinsTest:"
                        + " rename it so that only the plugin build runs it"),
                JenkinsTestRule.check(tests));
    }

    @Test
    void harnessUseInANestedClassCountsForItsTopLevelClass() throws Exception {
        Path tests = Javac.compile(work, "tests", Map.of("demo.ConfigTest", """
                package demo;
                class ConfigTest {
                    @org.jvnet.hudson.test.junit.jupiter.WithJenkins
                    static class Inner {}
                }
                """), harness);

        List<String> violations = JenkinsTestRule.check(tests);

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("demo.ConfigTest uses the Jenkins test harness"), violations.get(0));
    }

    @Test
    void jenkinsTestThatDoesNotUseTheHarnessFails() throws Exception {
        Path tests = Javac.compile(work, "tests", Map.of("demo.PlainJenkinsTest", """
                package demo;
                class PlainJenkinsTest { void run() {} }
                """));

        assertEquals(
                List.of("demo.PlainJenkinsTest is named *JenkinsTest but does not use the Jenkins test harness:"
                        + " rename it so that the standalone build runs it too"),
                JenkinsTestRule.check(tests));
    }

    @Test
    void wellNamedTestsPass() throws Exception {
        Path tests = Javac.compile(
                work,
                "tests",
                Map.of(
                        "demo.DeployJenkinsTest", """
                        package demo;
                        @org.jvnet.hudson.test.junit.jupiter.WithJenkins
                        class DeployJenkinsTest { void run(org.jvnet.hudson.test.JenkinsRule j) {} }
                        """,
                        "demo.ClientTest", """
                        package demo;
                        class ClientTest { void run() {} }
                        """),
                harness);

        assertEquals(List.of(), JenkinsTestRule.check(tests));
    }

    @Test
    void mainFailsTheBuildNamingTheClass() throws Exception {
        Path tests = Javac.compile(work, "tests", Map.of("demo.LonelyJenkinsTest", """
                package demo;
                class LonelyJenkinsTest {}
                """));

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> JenkinsTestRule.main(new String[] {tests.toString()}));

        assertTrue(e.getMessage().contains("demo.LonelyJenkinsTest is named *JenkinsTest"), e.getMessage());
    }

    @Test
    void missingDirectoryPasses() throws Exception {
        assertEquals(List.of(), JenkinsTestRule.check(work.resolve("missing")));
    }
}
