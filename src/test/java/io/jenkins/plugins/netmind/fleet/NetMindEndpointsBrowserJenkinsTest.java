package io.jenkins.plugins.netmind.fleet;

import static io.jenkins.plugins.netmind.NetMindJenkinsFixture.ENDPOINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Manage Jenkins » NetMind endpoints in a real browser: headless Chromium (Debian's {@code chromium} on the
 * {@code PATH}; without it the test is skipped) opens the page of a running test Jenkins with three endpoints (a
 * running build's, another controller's, an unmanaged one), checks that the sortable table shows them, that the page
 * never scrolls sideways (at a desktop's width, and at a phone's of 390 CSS pixels, where the table scrolls sideways
 * inside its container instead). Saves
 * both screenshots in the directory {@code -Dnetmind.screenshots} names (the README's are in {@code docs/images}),
 * else in {@code target/netmind-screenshots}.
 */
@WithJenkins
class NetMindEndpointsBrowserJenkinsTest {

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

    static boolean chromiumInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "chromium"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    @EnabledIf("chromiumInstalled")
    void chromiumShowsTheTableAndAtAPhonesWidthOnlyTheTableScrolls(JenkinsRule j) throws Exception {
        // the measuring page in userContent runs a script: lift the content security policy of this test Jenkins
        System.setProperty("hudson.model.DirectoryBrowserSupport.CSP", "");
        String property = System.getProperty("netmind.screenshots");
        Path out =
                property == null || property.isBlank() ? Path.of("target", "netmind-screenshots") : Path.of(property);
        Files.createDirectories(out);
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            NetMindJenkinsFixture.useSimulator(sim);
            NetMindGlobalConfiguration.get().setCredentialsId(NetMindJenkinsFixture.CREDENTIALS_ID);
            FleetEndpoints endpoints = new FleetEndpoints(sim);
            WorkflowJob job = j.createProject(WorkflowJob.class, "nightly-evals");
            job.setDefinition(new CpsFlowDefinition(
                    "withNetmindEndpoint(" + ENDPOINT + ", name: 'nightly-evals-judge') {\n  semaphore 'hold'\n}\n",
                    true));
            WorkflowRun running = job.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("hold/1", running);
            endpoints.otherControllers("staging-controller-judge", "staging/evals #212");
            endpoints.unmanaged("made-in-the-console");
            try {
                String page = j.getURL() + "manage/netmind-endpoints/";

                String dom = chromium(List.of("--dump-dom"), 1400, 900, page);
                List<String> states = matches(dom, "<tr [^>]*data-state=\"([A-Z_]+)\"");
                assertEquals(
                        List.of("OTHER_CONTROLLER", "OWNED", "UNMANAGED"),
                        states.stream().sorted().toList(),
                        "rows in:\n" + dom);
                assertTrue(dom.contains("class=\"sortheader\""), "sortable.js made the headers clickable");

                // Chromium's window is at least 500 px wide: a frame of 390 px stands for the phone
                for (String width : List.of("390px", "100%")) {
                    String measured = chromium(List.of("--dump-dom"), 1400, 900, measuring(j, page, width));
                    String verdict = matches(measured, "data-verdict=\"([^\"]*)\"").stream()
                            .findFirst()
                            .orElse("no verdict in:\n" + measured);
                    System.out.println("In a frame " + width + " wide: " + verdict);
                    assertTrue(verdict.startsWith("page does not scroll sideways"), verdict);
                    if (width.equals("390px")) {
                        assertTrue(verdict.contains(", the table does"), verdict);
                    }
                }

                chromium(
                        List.of("--screenshot="
                                + out.resolve("netmind-endpoints-page.png").toAbsolutePath()),
                        2000,
                        620,
                        page);
                chromium(
                        List.of("--screenshot="
                                + out.resolve("netmind-endpoints-phone.png").toAbsolutePath()),
                        390,
                        844,
                        page);
                System.out.println("Screenshots in " + out.toAbsolutePath());
            } finally {
                SemaphoreStep.success("hold/1", null);
                j.waitForCompletion(running);
            }
        }
    }

    /**
     * A page in {@code userContent} that opens {@code target} in a full-window frame and, once it has loaded, writes
     * into its own body what the frame's layout says: whether the table's container scrolls sideways and whether the
     * page does.
     */
    private static String measuring(JenkinsRule j, String target, String width) throws IOException {
        Path userContent = new File(j.jenkins.getRootDir(), "userContent").toPath();
        Files.createDirectories(userContent);
        String html = "<!DOCTYPE html><html><head><meta name='viewport' content='width=device-width'>"
                + "<style>html,body{margin:0;height:100%;overflow:hidden}iframe{border:0;width:" + width
                + ";height:100%}"
                + "</style></head><body><iframe id='f' src='" + target + "'></iframe><script>\n"
                + "const f = document.getElementById('f');\n"
                + "f.addEventListener('load', () => {\n"
                + "  const d = f.contentDocument, w = f.contentWindow;\n"
                + "  const box = d.querySelector('.netmind-fleet__scroll');\n"
                + "  const page = d.documentElement.scrollWidth, view = w.innerWidth;\n"
                + "  const verdict = !box ? 'no table container'\n"
                + "    : (page <= view + 1 ? 'page does not scroll sideways' : 'the page scrolls sideways')\n"
                + "      + (box.scrollWidth > box.clientWidth ? ', the table does' : ', nor does the table')\n"
                + "      + ': page ' + page + ' px in ' + view + ' px, table ' + box.scrollWidth + ' px in '"
                + " + box.clientWidth + ' px';\n"
                + "  document.body.setAttribute('data-verdict', verdict);\n"
                + "}, {once: true});\n"
                + "</script></body></html>";
        Files.writeString(
                userContent.resolve("netmind-fleet-measure-" + width.replace("%", "pc") + ".html"),
                html,
                StandardCharsets.UTF_8);
        return j.getURL() + "userContent/netmind-fleet-measure-" + width.replace("%", "pc") + ".html";
    }

    private static String chromium(List<String> action, int width, int height, String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium");
        List<String> command = new ArrayList<>(List.of("chromium"));
        command.addAll(CHROMIUM_FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("--window-size=" + width + "," + height);
        command.addAll(action);
        command.add(url);
        Path stdout = Files.createTempFile("chromium", ".out");
        Process chromium = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IOException("Chromium did not finish " + url);
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
