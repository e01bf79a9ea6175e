package io.jenkins.plugins.netmind.steps;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.netmind.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * What the steps' Jenkins tests share: Jenkins pointed at the simulator, the token stored as a Secret text credential,
 * and the scripts. Needs a running Jenkins (it is used only by the *JenkinsTest classes).
 */
final class StepsFixture {

    static final String CREDENTIALS_ID = "netmind-token";

    /** A small, cheap endpoint: the seed's Flask example on the 4090 in region 'other', no GPU. */
    static final String ENDPOINT =
            "image: 'python:3.10-slim', gpu: 'NVIDIA_GeForce_RTX_4090', region: 'other', gpuCount: 0, credentialsId: '"
                    + CREDENTIALS_ID + "'";

    private StepsFixture() {}

    /** Points the global configuration at the simulator and stores its token as Secret text. */
    static void useSimulator(NetMindSimulator sim) throws IOException {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        config.setApiUrl(sim.baseUrl().toString());
        addCredentials(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, CREDENTIALS_ID, "NetMind simulator token", Secret.fromString(sim.token())));
    }

    static void addCredentials(Credentials credentials) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(credentials);
        provider.save();
    }

    /** A username/password credential: the wrong kind for NetMind. */
    static Credentials usernamePassword(String id) throws Exception {
        return new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "not a token", "user", "secret-pass");
    }

    /**
     * The files under {@code dir} whose text contains {@code secret}; a file that vanishes while the walk runs (Jenkins
     * saves through temporary files) is skipped.
     */
    static List<Path> filesContaining(Path dir, String secret) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                try {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    if (text.contains(secret)) {
                        found.add(file);
                    }
                } catch (IOException vanished) {
                    // moved away while the walk ran
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
