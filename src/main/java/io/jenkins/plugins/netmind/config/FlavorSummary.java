package io.jenkins.plugins.netmind.config;

import hudson.Util;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import java.util.List;

/**
 * Describes the flavors a token can see, for the configuration form's "Test connection": a table with one row per
 * flavor (GPU, region, the price per instance-hour in each currency NetMind bills in, capacity left, id). Every value
 * from NetMind is escaped.
 */
final class FlavorSummary {

    /** The currencies NetMind bills in, one price column each. */
    private static final List<String> CURRENCIES = List.of("usd", "cny", "nmt");

    private FlavorSummary() {}

    /** HTML: a sentence, then the table; a sentence alone when the token sees nothing. */
    static String describe(List<Flavor> flavors) {
        if (flavors.isEmpty()) {
            return Util.escape(Messages.FlavorSummary_none());
        }
        StringBuilder html = new StringBuilder();
        html.append("<div>")
                .append(Util.escape(Messages.FlavorSummary_some(flavors.size())))
                .append("</div>");
        html.append("<table class=\"jenkins-table jenkins-table--small netmind-flavors\"><thead><tr>");
        header(html, Messages.FlavorSummary_gpu());
        header(html, Messages.FlavorSummary_region());
        for (String currency : CURRENCIES) {
            header(html, Messages.FlavorSummary_price(Texts.currency(currency)));
        }
        header(html, Messages.FlavorSummary_capacity());
        header(html, Messages.FlavorSummary_id());
        html.append("</tr></thead><tbody>");
        for (Flavor flavor : flavors) {
            html.append("<tr>");
            cell(html, flavor.displayName() != null ? flavor.displayName() : flavor.flavorId());
            cell(html, flavor.region() != null ? flavor.region() : Messages.FlavorSummary_unknown());
            for (String currency : CURRENCIES) {
                cell(
                        html,
                        flavor.price(currency)
                                .map(p -> Texts.money(p, currency))
                                .orElse(Messages.FlavorSummary_unknown()));
            }
            if (flavor.availableNum() > 0) {
                cell(html, String.valueOf(flavor.availableNum()));
            } else {
                html.append("<td><strong>")
                        .append(Util.escape(Messages.FlavorSummary_full(flavor.availableNum())))
                        .append("</strong></td>");
            }
            html.append("<td><code>").append(Util.escape(flavor.flavorId())).append("</code></td>");
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static void header(StringBuilder html, String text) {
        html.append("<th>").append(Util.escape(text)).append("</th>");
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(Util.escape(text)).append("</td>");
    }
}
