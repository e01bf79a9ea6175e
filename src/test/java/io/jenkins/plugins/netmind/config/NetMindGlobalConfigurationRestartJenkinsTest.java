package io.jenkins.plugins.netmind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The settings saved from Manage Jenkins » System are there again after a restart. */
class NetMindGlobalConfigurationRestartJenkinsTest {

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void theSettingsSavedThroughTheFormSurviveARestart() throws Throwable {
        sessions.then(j -> {
            NetMindJenkinsFixture.addSecretText("team-token", "not-a-real-token");
            NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
            config.setApiUrl("https://netmind.example.com/api");
            config.setCredentialsId("team-token");
            config.setDefaultTimeoutMinutes(45);
            config.setDefaultReadinessPath("/v1/models");

            j.configRoundtrip(); // saved again, this time by the form's submit

            Path saved = j.jenkins
                    .getRootDir()
                    .toPath()
                    .resolve("io.jenkins.plugins.netmind.NetMindGlobalConfiguration.xml");
            String xml = Files.readString(saved, StandardCharsets.UTF_8);
            assertTrue(xml.contains("<apiUrl>https://netmind.example.com/api</apiUrl>"), xml);
            assertTrue(xml.contains("<defaultTimeoutMinutes>45</defaultTimeoutMinutes>"), xml);
        });
        sessions.then(j -> {
            NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
            assertEquals("https://netmind.example.com/api", config.getApiUrl());
            assertEquals("team-token", config.getCredentialsId());
            assertEquals(45, config.getDefaultTimeoutMinutes());
            assertEquals("/v1/models", config.getDefaultReadinessPath());
        });
    }
}
