package io.jenkins.plugins.netmind.config;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import io.jenkins.plugins.netmind.lifecycle.CapacityGuard;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The capacity limits under {@code unclassified: netmind:}: applied, exported, applied again, and checked. */
@WithJenkinsConfiguredWithCode
class CapacityLimitsCascJenkinsTest {

    private static void apply(String yaml) throws Exception {
        ConfigurationAsCode.get()
                .configureWith(YamlSource.of(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    @ConfiguredWithCode("capacity-limits-casc.yaml")
    void theLimitsRoundTripAndReachTheGuard(JenkinsConfiguredWithCodeRule j) throws Exception {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        assertEquals(10, config.getMaxLiveEndpoints());
        assertEquals(4, config.getMaxInstancesPerEndpoint());
        assertEquals(16, config.getMaxGpus());
        assertEquals("25.50", config.getMaxUsdPerHour());
        assertEquals(
                new CapacityGuard.Limits(10, 4, 16, new BigDecimal("25.50")),
                ControllerCapacity.guard().limits());

        String exported = toYamlString(getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get()))
                .get("netmind"));
        assertTrue(exported.contains("maxLiveEndpoints: 10"), exported);
        assertTrue(exported.contains("maxInstancesPerEndpoint: 4"), exported);
        assertTrue(exported.contains("maxGpus: 16"), exported);
        assertTrue(exported.contains("maxUsdPerHour: \"25.50\""), exported);

        config.setMaxLiveEndpoints(null);
        config.setMaxInstancesPerEndpoint(null);
        config.setMaxGpus(null);
        config.setMaxUsdPerHour("");
        assertEquals(CapacityGuard.Limits.NONE, ControllerCapacity.guard().limits());
        apply("unclassified:\n  netmind:\n" + exported.indent(4));
        assertEquals(10, config.getMaxLiveEndpoints());
        assertEquals("25.50", config.getMaxUsdPerHour());
        assertEquals(16, ControllerCapacity.guard().limits().gpus());
    }

    @Test
    void aBadLimitIsRefusedWithTheFormsMessage(JenkinsConfiguredWithCodeRule j) {
        Exception e =
                assertThrows(Exception.class, () -> apply("unclassified:\n  netmind:\n    maxLiveEndpoints: 0\n"));
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append('\n');
        }
        String all = chain.toString();
        assertTrue(all.contains("Enter a whole number of at least 1, or leave it empty for no limit"), all);
        assertNull(NetMindGlobalConfiguration.get().getMaxLiveEndpoints());
        IllegalArgumentException usd = assertThrows(
                IllegalArgumentException.class,
                () -> NetMindGlobalConfiguration.get().setMaxUsdPerHour("-1"));
        assertTrue(usd.getMessage().startsWith("Enter a positive amount of US dollars"), usd.getMessage());
    }
}
