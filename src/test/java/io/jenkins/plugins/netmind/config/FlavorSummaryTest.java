package io.jenkins.plugins.netmind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aTableWithOneRowPerFlavorAndEveryCurrency() {
        String html = FlavorSummary.describe(List.of(
                flavor("f1", "NVIDIA_GeForce_RTX_4090", "cn", "0.3", 1),
                flavor("f2", "NVIDIA_A100", "other", null, 0)));
        assertEquals(
                "<div>Connected. The token sees 2 flavor(s):</div>"
                        + "<table class=\"jenkins-table jenkins-table--small netmind-flavors\"><thead><tr>"
                        + "<th>GPU</th><th>Region</th><th>Price per instance-hour (USD)</th>"
                        + "<th>Price per instance-hour (CNY)</th><th>Price per instance-hour (NMT)</th>"
                        + "<th>Capacity left</th><th>Flavor id</th></tr></thead><tbody>"
                        + "<tr><td>NVIDIA_GeForce_RTX_4090</td><td>cn</td><td>0.30 USD</td><td>2.20 CNY</td><td>?</td>"
                        + "<td>1</td><td><code>f1</code></td></tr>"
                        + "<tr><td>NVIDIA_A100</td><td>other</td><td>?</td><td>2.20 CNY</td><td>?</td>"
                        + "<td><strong>0 (full)</strong></td><td><code>f2</code></td></tr>"
                        + "</tbody></table>",
                html);
    }

    @Test
    void saysSoWhenTheTokenSeesNothing() {
        assertEquals("Connected, but the token sees no flavors.", FlavorSummary.describe(List.of()));
    }

    @Test
    void fallsBackToTheIdWhenAFlavorHasNoNameAndEscapesWhatNetMindSays() {
        String html = FlavorSummary.describe(
                List.of(flavor("f9", null, null, "1.25", 3), flavor("<b>x</b>", "A&B", "cn", "1", 2)));
        assertTrue(html.contains("<tr><td>f9</td><td>?</td><td>1.25 USD</td>"), html);
        assertTrue(html.contains("<td>A&amp;B</td>"), html);
        assertTrue(html.contains("<code>&lt;b&gt;x&lt;/b&gt;</code>"), html);
    }
}
