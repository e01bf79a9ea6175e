package io.jenkins.plugins.netmind;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import org.junit.jupiter.api.Test;

/**
 * The settings under {@code unclassified: netmind:} in Configuration as Code: applied from YAML, exported as the same
 * YAML, and that export applied again gives the same settings.
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
        String again = "unclassified:\n  netmind:\n" + exported.indent(4);
        ConfigurationAsCode.get()
                .configureWith(YamlSource.of(new ByteArrayInputStream(again.getBytes(StandardCharsets.UTF_8))));

        assertEquals("https://netmind.example.com/api", config.getApiUrl());
        assertEquals("netmind-token", config.getCredentialsId());
        assertEquals(45, config.getDefaultTimeoutMinutes());
        assertEquals("/v1/models", config.getDefaultReadinessPath());
    }
}
