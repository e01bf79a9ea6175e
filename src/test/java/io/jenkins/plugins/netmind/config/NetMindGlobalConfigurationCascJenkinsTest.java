package io.jenkins.plugins.netmind.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/**
 * The settings under {@code unclassified: netmind:} in Configuration as Code: applied from YAML, exported as the same
 * YAML, and that export applied again gives the same settings; the README's example (read from README.md) applies.
 */
@WithJenkinsConfiguredWithCode
class NetMindGlobalConfigurationCascJenkinsTest {

    @Test
    @ConfiguredWithCode("netmind-casc.yaml")
    void theYamlSetsEverySetting(JenkinsConfiguredWithCodeRule j) {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        assertEquals("https://netmind.example.com/api", config.getApiUrl());
        assertEquals("netmind-token", config.getCredentialsId());
        assertEquals(45, config.getDefaultTimeoutMinutes());
        assertEquals("/v1/models", config.getDefaultReadinessPath());
        assertEquals(720, config.getDefaultMaxLifetimeMinutes());
        assertEquals(2880, config.getMaxLifetimeCeilingMinutes());
    }

    @Test
    @ConfiguredWithCode("netmind-casc.yaml")
    void theExportIsTheYamlAndAppliesAgain(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode netmind = getUnclassifiedRoot(context).get("netmind");
        assertNotNull(netmind, "exported under unclassified: netmind");
        String exported = toYamlString(netmind);
        assertEquals(toStringFromYamlFile(this, "netmind-casc-export.yaml"), exported);

        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        config.setApiUrl("");
        config.setCredentialsId("");
        config.setDefaultTimeoutMinutes(NetMindGlobalConfiguration.DEFAULT_TIMEOUT_MINUTES);
        config.setDefaultReadinessPath("");
        config.setDefaultMaxLifetimeMinutes(NetMindGlobalConfiguration.DEFAULT_MAX_LIFETIME_MINUTES);
        config.setMaxLifetimeCeilingMinutes(null);
        String again = "unclassified:\n  netmind:\n" + exported.indent(4);
        ConfigurationAsCode.get()
                .configureWith(YamlSource.of(new ByteArrayInputStream(again.getBytes(StandardCharsets.UTF_8))));

        assertEquals("https://netmind.example.com/api", config.getApiUrl());
        assertEquals("netmind-token", config.getCredentialsId());
        assertEquals(45, config.getDefaultTimeoutMinutes());
        assertEquals("/v1/models", config.getDefaultReadinessPath());
        assertEquals(720, config.getDefaultMaxLifetimeMinutes());
        assertEquals(2880, config.getMaxLifetimeCeilingMinutes());
    }

    @Test
    void theReadmesYamlCreatesTheCredentialAndTheSettings(JenkinsConfiguredWithCodeRule j) throws Exception {
        String readme =
                Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```yaml\\n(credentials:.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "README has the Configuration as Code example");
        String token = "casc-token-" + UUID.randomUUID();
        System.setProperty("NETMIND_API_TOKEN", token); // Configuration as Code reads ${...} from here too
        try {
            ConfigurationAsCode.get()
                    .configureWith(YamlSource.of(
                            new ByteArrayInputStream(block.group(1).getBytes(StandardCharsets.UTF_8))));
        } finally {
            System.clearProperty("NETMIND_API_TOKEN");
        }

        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        assertEquals("https://api.netmind.ai", config.getApiUrl());
        assertEquals("netmind-token", config.getCredentialsId());
        assertEquals(30, config.getDefaultTimeoutMinutes());
        assertEquals("/health", config.getDefaultReadinessPath());
        StringCredentials credential = CredentialsProvider.findCredentialByIdInItemGroup(
                "netmind-token", StringCredentials.class, j.jenkins, ACL.SYSTEM2, List.of());
        assertNotNull(credential, "the README's credential exists");
        assertEquals(token, credential.getSecret().getPlainText());
    }
}
