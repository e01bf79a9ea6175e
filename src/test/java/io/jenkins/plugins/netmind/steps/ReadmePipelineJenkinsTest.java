package io.jenkins.plugins.netmind.steps;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.onlyService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.FilePath;
import hudson.Functions;
import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline examples of README.md run as written against the simulator: the test reads them from the README's
 * {@code groovy} blocks, so README and test cannot drift. The shell scripts they call ({@code ./run-evals.sh} and so
 * on) are the user's; the test puts small ones into the workspace that print what they were given.
 */
@WithJenkins
class ReadmePipelineJenkinsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final Pattern GROOVY_BLOCK = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL);

    private JenkinsRule j;
    private NetMindSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        assumeFalse(Functions.isWindows(), "the README's examples call sh");
        j = rule;
        sim = NetMindJenkinsFixture.startWithFreshToken();
        // the README's credential id is the fixture's: 'netmind-token'
        NetMindJenkinsFixture.useSimulator(sim);
        NetMindGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);
    }

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    /** The README's {@code groovy} block that starts with {@code start}; fails unless there is exactly one. */
    static String readmeBlock(String start) throws Exception {
        String readme =
                Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Matcher m = GROOVY_BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).startsWith(start)) {
                found.add(m.group(1));
            }
        }
        assertEquals(1, found.size(), "README groovy blocks starting with '" + start + "'");
        return found.get(0);
    }

    private WorkflowJob job(String name, String script, String... scripts) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        FilePath workspace = j.jenkins.getWorkspaceFor(p);
        for (String file : scripts) {
            writeScript(workspace, file, "echo \"" + file + " called with: $*\"");
        }
        return p;
    }

    private static void writeScript(FilePath workspace, String file, String body) throws Exception {
        FilePath script = workspace.child(file);
        script.write("#!/bin/sh\n" + body + "\n", "UTF-8");
        script.chmod(0755);
    }

    private void assertDeletedByTheTeardownStep(WorkflowRun b) throws Exception {
        String id = onlyService(sim);
        j.assertLogContains("Deleted endpoint " + sim.name(id).orElseThrow() + " (" + id + ")", b);
        j.assertLogNotContains("left 1 endpoint(s) running", b);
        assertEquals(Set.of(), sim.liveServices(), "nothing left on NetMind");
    }

    @Test
    void theDeclarativeExampleRunsAsWritten() throws Exception {
        WorkflowJob p = job("declarative", readmeBlock("pipeline {"), "run-evals.sh");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        j.assertLogContains("run-evals.sh called with: " + sim.endpointUrl(id), b);
        assertDeletedByTheTeardownStep(b);
    }

    @Test
    void theDeclarativeExamplesPostBlockDeletesTheEndpointWhenAStageFails() throws Exception {
        WorkflowJob p = job("declarative-failing", readmeBlock("pipeline {"));
        writeScript(j.jenkins.getWorkspaceFor(p), "run-evals.sh", "echo \"evaluating $1: 2 of 5 failed\"; exit 1");

        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));

        j.assertLogContains("2 of 5 failed", b);
        assertDeletedByTheTeardownStep(b);
    }

    @Test
    void theScriptedExampleRunsAsWritten() throws Exception {
        WorkflowJob p = job("scripted", readmeBlock("// Scripted"), "run-evals.sh", "load-test.sh");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        String name = sim.name(id).orElseThrow();
        j.assertLogContains("Endpoint " + name + " at " + sim.endpointUrl(id) + ", ", b);
        j.assertLogContains(", 0.3 USD per instance-hour", b);
        j.assertLogContains("run-evals.sh called with: " + sim.endpointUrl(id), b);
        j.assertLogContains("Endpoint " + name + " runs 3 instance(s)", b);
        j.assertLogContains("load-test.sh called with: " + sim.endpointUrl(id), b);
        assertDeletedByTheTeardownStep(b);
    }

    @Test
    void theStageWithItsOwnEndpointsRunsInADeclarativePipeline() throws Exception {
        // the README shows a stage, not a whole Pipeline: the test puts it into the smallest one
        String stage = readmeBlock("stage('Judge')");
        WorkflowJob p = job("judge", "pipeline {\n  agent any\n  stages {\n" + stage + "  }\n}\n", "compare.sh");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        assertEquals(2, sim.allServices().size(), "two endpoints");
        List<String> urls = sim.allServices().stream()
                .map(id -> sim.endpointUrl(id).toString())
                .toList();
        String log = JenkinsRule.getLog(b);
        assertTrue(
                log.contains("compare.sh called with: " + urls.get(0) + " " + urls.get(1))
                        || log.contains("compare.sh called with: " + urls.get(1) + " " + urls.get(0)),
                "compare.sh saw both endpoints");
        assertEquals(Set.of(), sim.liveServices(), "both deleted when the blocks ended");
    }

    @Test
    void theFirstPipelineRunsAsWrittenAgainstTheSimulator() throws Exception {
        // indented in the README's numbered list: the test takes the indentation off, as a user pasting it would
        String script = readmeBlock("   // First pipeline").replaceAll("(?m)^   ", "");
        WorkflowJob p = job("first", script);

        WorkflowRun b = j.buildAndAssertSuccess(p);

        String id = onlyService(sim);
        j.assertLogContains("Using NVIDIA_GeForce_RTX_4090 in region cn at 0.3 USD per instance-hour", b);
        j.assertLogContains("Dry run, nothing was created", b);
        j.assertLogContains("The dry run created nothing (url: null); the endpoint costs 0.3 usd per hour", b);
        j.assertLogContains("{\"status\":\"ok\",\"service_id\":\"" + id + "\"}", b);
        assertEquals(1, sim.allServices().size(), "the dry run created nothing, the block one endpoint");
        assertEquals(Set.of(), sim.liveServices(), "deleted when the block ended");
    }

    @Test
    void theDryRunExampleRunsAsWritten() throws Exception {
        String script = readmeBlock("// Choose a flavor");
        WorkflowJob p = job("choose", script);

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("Would run on NVIDIA_GeForce_RTX_4090 in cn: 0.6 usd per hour, 4 free", b);
        assertEquals(1, sim.allServices().size(), "only the real deploy created an endpoint");
        assertDeletedByTheTeardownStep(b);
    }

    @Test
    void theParallelExampleRunsAsWrittenWithTwoCredentials() throws Exception {
        // the README's two credentials, both for the simulator's account
        NetMindJenkinsFixture.addSecretText("team-a", sim.token());
        NetMindJenkinsFixture.addSecretText("team-b", sim.token());
        WorkflowJob p = job("parallel", readmeBlock("parallel("), "eval.sh");
        // the two branches' node blocks run at once: the second one in the workspace's @2 copy
        FilePath workspace = j.jenkins.getWorkspaceFor(p);
        writeScript(
                workspace.getParent().child(workspace.getName() + "@2"), "eval.sh", "echo \"eval.sh called with: $*\"");

        WorkflowRun b = j.buildAndAssertSuccess(p);

        assertEquals(2, sim.allServices().size(), "one endpoint per branch");
        for (String id : sim.allServices()) {
            j.assertLogContains("eval.sh called with: " + sim.endpointUrl(id), b);
        }
        assertEquals(Set.of(), sim.liveServices(), "each branch deleted its endpoint");
    }
}
