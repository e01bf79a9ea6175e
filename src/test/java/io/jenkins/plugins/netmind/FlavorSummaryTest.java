package io.jenkins.plugins.netmind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.netmind.client.Flavor;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlavorSummaryTest {

    private static Flavor flavor(String id, String name, String region, String usd, int available) {
        return new Flavor(
                id,
                name,
                "1",
                "US_01_4090",
                new Flavor.MetaInfo("12.0", region),
                new Flavor.Billing(new BigDecimal("2.2"), usd == null ? null : new BigDecimal(usd), null),
                null,
                null,
                null,
                false,
                available,
                2);
    }

    @Test
    void namesEachFlavorWithRegionPriceAndCapacity() {
        String text = FlavorSummary.describe(List.of(
                flavor("f1", "NVIDIA_GeForce_RTX_4090", "cn", "0.3", 1),
                flavor("f2", "NVIDIA_A100", "other", null, 0)));
        assertEquals(
                "Connected. The token sees 2 flavor(s): NVIDIA_GeForce_RTX_4090 (region cn, 0.3 usd per instance and"
                        + " hour, 1 available, id f1); NVIDIA_A100 (region other, ? usd per instance and hour, 0"
                        + " available, id f2)",
                text);
    }

    @Test
    void saysSoWhenTheTokenSeesNothing() {
        assertEquals("Connected, but the token sees no flavors.", FlavorSummary.describe(List.of()));
    }

    @Test
    void fallsBackToTheIdWhenAFlavorHasNoName() {
        String text = FlavorSummary.describe(List.of(flavor("f9", null, null, "1.25", 3)));
        assertEquals(
                "Connected. The token sees 1 flavor(s): f9 (region ?, 1.25 usd per instance and hour, 3 available, id"
                        + " f9)",
                text);
    }
}
