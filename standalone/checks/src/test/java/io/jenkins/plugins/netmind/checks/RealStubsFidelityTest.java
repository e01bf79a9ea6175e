package io.jenkins.plugins.netmind.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds every class of both stub modules (jenkins-stubs, jenkins-test-stubs) to the Jenkins API index at
 * {@code ../shared/jenkins-api/index.tsv} from the project root. Without the index it says so and is skipped.
 */
class RealStubsFidelityTest {

    /** The index, or a skipped test saying where it was looked for. */
    static Path indexOrSkip() {
        Path index = Path.of(System.getProperty("netmind.apiIndex", "../../../shared/jenkins-api/index.tsv"))
                .toAbsolutePath()
                .normalize();
        boolean present = Files.isRegularFile(index);
        if (!present) {
            System.out.println("[netmind] stub fidelity SKIPPED: no Jenkins API index at " + index);
        }
        assumeTrue(present, "no Jenkins API index at " + index + ": stub fidelity not checked");
        return index;
    }

    @Test
    void everyStubMatchesTheRealJenkinsApi() throws Exception {
        Path index = indexOrSkip();
        List<Path> dirs = Arrays.stream(
                        System.getProperty("netmind.stubClasses").split(File.pathSeparator))
                .map(Path::of)
                .toList();

        StubFidelity.Result result =
                new StubFidelity(ApiIndex.read(index)).check(dirs, getClass().getClassLoader());

        System.out.println(result.report());
        assertTrue(result.problems().isEmpty(), result.report());
    }
}
