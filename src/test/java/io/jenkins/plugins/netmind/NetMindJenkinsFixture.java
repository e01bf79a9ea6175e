package io.jenkins.plugins.netmind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * What the Jenkins tests share: Jenkins pointed at the simulator, the token stored as a Secret text credential, and
 * the walks that prove the token is on no disk. Needs a running Jenkins, so only the *JenkinsTest classes use it; it
 * uses core and credentials types only, not the test harness.
 */
public final class NetMindJenkinsFixture {

    /** The id of the Secret text credential {@link #useSimulator(NetMindSimulator)} stores. */
    public static final String CREDENTIALS_ID = "netmind-token";

    /** A small, cheap endpoint as step arguments: the seed's Flask example on the 4090 in region 'other', no GPU. */
    public static final String ENDPOINT =
            "image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', region: 'other', gpuCount: 0, credentialsId: '"
                    + CREDENTIALS_ID + "'";

    private NetMindJenkinsFixture() {}

    /** Starts a simulator whose token is new, so a search for it finds only what this test wrote. */
    public static NetMindSimulator startWithFreshToken() {
        return NetMindSimulator.builder()
                .token("netmind-token-" + UUID.randomUUID())
                .start();
    }

    /** The one service created on the simulator; fails the test unless exactly one was. */
    public static String onlyService(NetMindSimulator sim) {
        Set<String> all = sim.allServices();
        assertEquals(1, all.size(), "services created: " + all);
        return all.iterator().next();
    }

    /** Points the global configuration at the simulator and stores its token as Secret text {@link #CREDENTIALS_ID}. */
    public static void useSimulator(NetMindSimulator sim) throws IOException {
        useSimulator(sim, CREDENTIALS_ID);
    }

    /** Points the global configuration at the simulator and stores its token as Secret text {@code credentialsId}. */
    public static void useSimulator(NetMindSimulator sim, String credentialsId) throws IOException {
        NetMindGlobalConfiguration.get().setApiUrl(sim.baseUrl().toString());
        addSecretText(credentialsId, sim.token());
    }

    /** Stores {@code token} as a global Secret text credential. */
    public static void addSecretText(String credentialsId, String token) throws IOException {
        addCredentials(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, credentialsId, "NetMind token", Secret.fromString(token)));
    }

    /** Adds a global credential to Jenkins' own store and saves it. */
    public static void addCredentials(Credentials credentials) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(credentials);
        provider.save();
    }

    /** A username/password credential: the wrong kind for NetMind. */
    public static Credentials usernamePassword(String id) throws Exception {
        return new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "not a token", "user", "secret-pass");
    }

    /** The values of a drop-down, in order. */
    public static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    /** The files under {@code dir} whose text contains {@code secret}. */
    public static List<Path> filesContaining(Path dir, String secret) throws IOException {
        return filesContaining(dir, secret, file -> true);
    }

    /**
     * The files under {@code dir} whose text contains {@code secret}, leaving out archives (plugins, the war), as for a
     * walk of all of {@code JENKINS_HOME}.
     */
    public static List<Path> filesOutsideArchivesContaining(Path dir, String secret) throws IOException {
        return filesContaining(dir, secret, file -> {
            String name = file.getFileName().toString();
            return !(name.endsWith(".jar") || name.endsWith(".jpi") || name.endsWith(".hpi") || name.endsWith(".war"));
        });
    }

    /**
     * The walk: a file that vanishes while it runs (Jenkins saves through temporary files) is passed over; any other
     * failure to read fails the caller, since that file might hold the secret.
     */
    private static List<Path> filesContaining(Path dir, String secret, Predicate<Path> read) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile() || !read.test(file)) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret)) {
                        found.add(file);
                    }
                } catch (NoSuchFileException vanished) {
                    // moved away while the walk ran
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return found;
    }
}
