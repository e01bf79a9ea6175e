package io.jenkins.plugins.netmind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Pipeline examples are copied into real Jenkinsfiles: none may build a shell script by Groovy
 * interpolation ({@code sh "./run.sh '${ep.url}'"}), where a URL holding a quote or {@code $(...)} runs as shell code.
 * Values reach {@code sh} through environment variables, quoted by the shell.
 */
class ReadmeExamplesTest {

    /** {@code sh "..${..}.."}, {@code sh("..${..}..")}, {@code sh script: "..${..}.."} and {@code shell(...)} alike. */
    private static final Pattern INTERPOLATED_SHELL =
            Pattern.compile("\\b(?:sh|bat|shell|powershell)\\b[\\s(]*(?:script:\\s*)?\"[^\"]*\\$\\{");

    @Test
    void noExampleInterpolatesAValueIntoAShellScript() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> bad = new ArrayList<>();
        boolean inCode = false;
        int examples = 0;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode && line.length() > 3;
                examples += inCode ? 1 : 0;
                continue;
            }
            if (inCode && INTERPOLATED_SHELL.matcher(line).find()) {
                bad.add(line.trim());
            }
        }
        assertTrue(examples > 3, "README code blocks found: " + examples);
        assertEquals(List.of(), bad, "shell steps that interpolate a value into the script");
        assertTrue(String.join("\n", lines).contains("withEnv([\"ENDPOINT_URL=${ep.url}\"])"));
    }
}
