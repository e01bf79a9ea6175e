package io.jenkins.plugins.netmind;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.CREDENTIALS_ID;
import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.freestyle.NetmindEndpointBuildWrapper;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Not a test: the README's screenshots. Starts a test Jenkins with the NetMind simulator, runs a few builds (one
 * finished, one holding a live endpoint), and photographs the pages with headless Chromium into the directory named
 * by {@code -Dnetmind.screenshots}. Run it with {@code src/test/ui/screenshots.sh}; without the property it is
 * skipped, and the plugin build reports it as skipped.
 *
 * <p>Chromium cannot click, so a page that needs a click (Test connection, the Snippet Generator) is opened inside a
 * same-origin frame of a small page in {@code userContent} whose script does the clicks and scrolls first.
 */
@WithJenkins
class UiTourJenkinsTest {

    private static final List<String> CHROMIUM_FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=15000");

    @Test
    @EnabledIfSystemProperty(named = "netmind.screenshots", matches = ".+")
    void takeScreenshots(JenkinsRule j) throws Exception {
        // the frame pages in userContent run scripts: lift the content security policy of this throwaway Jenkins
        System.setProperty("hudson.model.DirectoryBrowserSupport.CSP", "");
        Path out = Path.of(System.getProperty("netmind.screenshots"));
        Files.createDirectories(out);
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            NetMindJenkinsFixture.useSimulator(sim);
            NetMindGlobalConfiguration.get().setCredentialsId(CREDENTIALS_ID);

            WorkflowJob scripted = j.createProject(WorkflowJob.class, "scripted-steps");
            scripted.setDefinition(new CpsFlowDefinition(
                    "def ep = netmindDeploy(" + ENDPOINT + ", readinessPath: '/health')\n"
                            + "echo \"Endpoint ${ep.name} at ${ep.url}\"\n"
                            + "netmindScale(serviceId: ep.serviceId, instances: 2, credentialsId: '" + CREDENTIALS_ID
                            + "')\n"
                            + "sleep 3\n"
                            + "netmindTeardown()\n",
                    true));
            WorkflowRun finished = j.buildAndAssertSuccess(scripted);

            WorkflowJob live = j.createProject(WorkflowJob.class, "live-endpoint");
            live.setDefinition(new CpsFlowDefinition(
                    "withNetmindEndpoint(" + ENDPOINT + ") {\n"
                            + "  echo \"Running evals against ${env.NETMIND_ENDPOINT_URL}\"\n"
                            + "  semaphore 'evals'\n"
                            + "}\n",
                    true));
            WorkflowRun running = live.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("evals/1", running);

            FreeStyleProject freestyle = j.createFreeStyleProject("freestyle-evals");
            NetmindEndpointBuildWrapper wrapper = new NetmindEndpointBuildWrapper("vllm/vllm-openai:latest");
            wrapper.setGpu("NVIDIA_GeForce_RTX_4090");
            wrapper.setRegion("other");
            wrapper.setReadinessPath("/v1/models");
            freestyle.getBuildWrappersList().add(wrapper);

            String base = j.getURL().toString();
            File userContent = new File(j.jenkins.getRootDir(), "userContent");
            shoot(
                    out,
                    "system-config-netmind.png",
                    1400,
                    1100,
                    framed(
                            userContent,
                            "system",
                            base + "manage/configure",
                            "scrollToText(d, 'NetMind Endpoints');"
                                    + "setTimeout(() => { click(d, 'Test connection'); }, 1500);"
                                    + "setTimeout(() => { scrollToText(d, 'NetMind Endpoints'); }, 6000);"));
            shoot(
                    out,
                    "snippet-generator-netmindDeploy.png",
                    1400,
                    2300,
                    framed(
                            userContent,
                            "snippet",
                            base + "job/scripted-steps/pipeline-syntax/",
                            "pickStep(d, 'netmindDeploy:');"
                                    + "setTimeout(() => { fill(d, '_.image', 'python:3.10-slim');"
                                    + " fill(d, '_.gpu', 'NVIDIA_GeForce_RTX_4090'); }, 3000);"
                                    + "setTimeout(() => { click(d, 'Advanced'); }, 4000);"
                                    + "setTimeout(() => { click(d, 'Generate Pipeline Script'); }, 5000);"
                                    + "setTimeout(() => { scrollToText(d, 'Sample Step'); }, 7000);"));
            shoot(out, "build-page-finished.png", 1400, 700, base + finished.getUrl());
            shoot(out, "build-page-running.png", 1400, 700, base + running.getUrl());
            shoot(out, "console-finished.png", 1400, 900, base + finished.getUrl() + "console");
            SemaphoreStep.success("evals/1", null);
            j.waitForCompletion(running);
        }
    }

    /** Writes a page that opens {@code target} in a full-window frame and runs {@code script} on it once loaded. */
    private static String framed(File userContent, String name, String target, String script) throws IOException {
        Files.createDirectories(userContent.toPath());
        String page = "<!DOCTYPE html><html><head><style>html,body{margin:0;height:100%;overflow:hidden}"
                + "iframe{border:0;width:100%;height:100%}</style></head><body>"
                + "<iframe id='f' src='" + target + "'></iframe><script>\n"
                + "function byText(d, sel, text) { return [...d.querySelectorAll(sel)]"
                + ".find(e => e.offsetParent !== null && e.textContent.trim().startsWith(text)); }\n"
                + "function scrollToText(d, text) { const e = byText(d, 'h1, h2, h3, legend, div, label, button, span',"
                + " text); if (e) { e.scrollIntoView(); } }\n"
                + "function click(d, text) { const b = byText(d, 'button', text); if (b) { b.click(); } }\n"
                + "function fill(d, name, value) { const i = [...d.getElementsByName(name)]"
                + ".find(e => e.offsetParent !== null); if (i) { i.value = value;"
                + " i.dispatchEvent(new Event('change', {bubbles: true})); } }\n"
                + "function pickStep(d, prefix) { const s = [...d.querySelectorAll('select')]"
                + ".find(s => [...s.options].some(o => o.text.startsWith(prefix))); if (!s) { return; }"
                + " s.value = [...s.options].find(o => o.text.startsWith(prefix)).value;"
                + " s.dispatchEvent(new Event('change', {bubbles: true})); }\n"
                + "const f = document.getElementById('f');\n"
                + "f.addEventListener('load', () => { const d = f.contentDocument; " + script + " }, {once: true});\n"
                + "</script></body></html>";
        Files.writeString(userContent.toPath().resolve(name + ".html"), page, StandardCharsets.UTF_8);
        return userContentUrl(target, name);
    }

    private static String userContentUrl(String target, String name) {
        int jenkins = target.indexOf("/jenkins/");
        return target.substring(0, jenkins) + "/jenkins/userContent/" + name + ".html";
    }

    private static void shoot(Path out, String file, int width, int height, String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium");
        List<String> command = new java.util.ArrayList<>(List.of("chromium"));
        command.addAll(CHROMIUM_FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("--screenshot=" + out.resolve(file).toAbsolutePath());
        command.add("--window-size=" + width + "," + height);
        command.add(url);
        Process chromium = new ProcessBuilder(command).inheritIO().start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IOException("Chromium did not finish " + file);
        }
        System.out.println("Screenshot " + out.resolve(file) + " of " + url);
    }
}
