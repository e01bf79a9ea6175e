package io.jenkins.plugins.netmind.bench;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;

import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.model.queue.QueueTaskFuture;
import io.jenkins.plugins.netmind.record.NetMindBuildAction;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** Many builds of one Pipeline that deploys outside any {@code node}, says so, and tears the endpoint down. */
final class WaitingBuilds {

    /** The Pipeline: deploy (the wait), a line with the service id, teardown. */
    static final String SCRIPT = "def ep = netmindDeploy(" + ENDPOINT + ")\n"
            + "echo \"deployed ${ep.serviceId}\"\n"
            + "netmindTeardown(credentialsId: '" + CREDENTIALS_ID + "')\n";

    private WaitingBuilds() {}

    /**
     * Creates the job {@code name} and starts {@code n} builds of it at once; each gets its own parameter value, so
     * that the queue does not merge them into one.
     */
    static List<WorkflowRun> start(JenkinsRule j, String name, int n) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("I", "")));
        p.setDefinition(new CpsFlowDefinition(SCRIPT, true));
        List<QueueTaskFuture<WorkflowRun>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(p.scheduleBuild2(0, new ParametersAction(new StringParameterValue("I", "b" + i))));
        }
        List<WorkflowRun> builds = new ArrayList<>();
        for (QueueTaskFuture<WorkflowRun> f : futures) {
            builds.add(f.waitForStart());
        }
        return builds;
    }

    /** The endpoint the build recorded (it deploys one). */
    static Optional<RecordedEndpoint> endpointOf(WorkflowRun b) {
        NetMindBuildAction a = b.getAction(NetMindBuildAction.class);
        return a == null ? Optional.empty() : a.getEndpoints().stream().findFirst();
    }

    /** The service id of the build's endpoint, once NetMind has answered the create. */
    static Optional<String> serviceId(WorkflowRun b) {
        return endpointOf(b).map(RecordedEndpoint::getServiceId);
    }
}
