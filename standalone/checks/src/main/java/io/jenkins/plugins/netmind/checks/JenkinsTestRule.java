package io.jenkins.plugins.netmind.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rule for which tests start Jenkins: a test class uses the Jenkins test harness ({@code org.jvnet.hudson.test},
 * e.g. JenkinsRule, {@code @WithJenkins}, JenkinsSessionExtension, BuildWatcherExtension) if and only if its simple
 * name ends in {@code JenkinsTest}. The standalone build runs every test except those, so a harness test with another
 * name would fail there, and a JenkinsTest that does not need Jenkins would never run in it.
 *
 * <p>Checks compiled classes: a top-level class and its nested classes count together. Run as a program with the
 * test classes directory as argument; it throws (failing the build) naming each class that breaks the rule.
 */
public final class JenkinsTestRule {

    static final String SUFFIX = "JenkinsTest";
    static final String HARNESS_PACKAGE = "org/jvnet/hudson/test/";

    private JenkinsTestRule() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: JenkinsTestRule <test classes directory>");
        }
        List<String> violations = check(Path.of(args[0]));
        if (!violations.isEmpty()) {
            throw new IllegalStateException(
                    "Jenkins test naming rule broken (see README, \"Which tests run where\"):\n  "
                            + String.join("\n  ", violations));
        }
        System.out.println("[netmind] Jenkins test naming rule: OK (" + Path.of(args[0]) + ")");
    }

    /** Returns one line per class that breaks the rule, sorted; empty when all is well. */
    public static List<String> check(Path classesDir) throws IOException {
        Map<String, Boolean> usesHarness = new TreeMap<>();
        if (Files.isDirectory(classesDir)) {
            try (Stream<Path> files = Files.walk(classesDir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String binary = classesDir
                            .relativize(file)
                            .toString()
                            .replace(file.getFileSystem().getSeparator(), ".");
                    binary = binary.substring(0, binary.length() - ".class".length());
                    if (binary.endsWith("module-info") || binary.endsWith("package-info")) {
                        continue;
                    }
                    String topLevel = binary.contains("$") ? binary.substring(0, binary.indexOf('$')) : binary;
                    boolean harness = referencesHarness(Files.readAllBytes(file));
                    usesHarness.merge(topLevel, harness, Boolean::logicalOr);
                }
            }
        }
        List<String> violations = new ArrayList<>();
        usesHarness.forEach((name, harness) -> {
            boolean named = name.endsWith(SUFFIX);
            if (harness && !named) {
                violations.add(name + " uses the Jenkins test harness but its name does not end in " + SUFFIX
                        + ": rename it so that only the plugin build runs it");
            } else if (named && !harness) {
                violations.add(name + " is named *" + SUFFIX + " but does not use the Jenkins test harness:"
                        + " rename it so that the standalone build runs it too");
            }
        });
        return violations;
    }

    static boolean referencesHarness(byte[] classFile) throws IOException {
        for (String entry : ConstantPool.utf8Entries(classFile)) {
            if (entry.contains(HARNESS_PACKAGE)) {
                return true;
            }
        }
        return false;
    }
}
