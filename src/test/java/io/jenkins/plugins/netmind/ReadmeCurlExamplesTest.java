package io.jenkins.plugins.netmind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's curl example of the simulator's calls runs as written against a simulator, each call answering. */
class ReadmeCurlExamplesTest {

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @Test
    void everySimulatorCallOfTheReadmeAnswers() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl") && onPath("jq"), "the example needs bash, curl and jq");
        String readme =
                Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```sh\\n(SIM=http://127\\.0\\.0\\.1:8089\\n.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(m.find(), "README has the simulator's curl example");
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            // the README's simulator listens on port 8089 with token sim-token; this one where it could
            String script = m.group(1)
                    .replace("http://127.0.0.1:8089", sim.baseUrl().toString().replaceAll("/$", ""))
                    .replace("Bearer sim-token", "Bearer " + sim.token());
            Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the script ended");
            assertEquals(0, bash.exitValue(), output);

            for (Route route : List.of(
                    Route.LIST_FLAVORS,
                    Route.CREATE,
                    Route.GET,
                    Route.LIST,
                    Route.ENDPOINT,
                    Route.UPDATE,
                    Route.DELETE)) {
                assertEquals(1, sim.requests(route).size(), route + " called once:\n" + output);
            }
            String id = sim.allServices().iterator().next();
            assertEquals("curl-demo", sim.name(id).orElseThrow());
            assertEquals(List.of(), List.copyOf(sim.liveServices()), "deleted at the end");
            assertTrue(output.contains("\"message\":\"success\""), output);
        }
    }
}
