package io.jenkins.plugins.netmind.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** Compiles small Java sources (fake stubs, fake tests) into a fresh directory, against the test classpath. */
final class Javac {

    private Javac() {}

    /**
     * Sources keyed by the binary name of their top-level class; {@code extraClasspath} goes before the test
     * classpath. Returns the classes directory {@code workDir/name}.
     */
    static Path compile(Path workDir, String name, Map<String, String> sources, Path... extraClasspath)
            throws IOException {
        Path src = Files.createDirectories(workDir.resolve(name + "-src"));
        Path out = Files.createDirectories(workDir.resolve(name));
        List<String> classpath = new ArrayList<>();
        for (Path p : extraClasspath) {
            classpath.add(p.toString());
        }
        classpath.add(System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of(
                "-d", out.toString(), "--release", "21", "-classpath", String.join(File.pathSeparator, classpath)));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
        assertEquals(0, rc, () -> "fake sources did not compile: " + errors.toString(StandardCharsets.UTF_8));
        return out;
    }
}
