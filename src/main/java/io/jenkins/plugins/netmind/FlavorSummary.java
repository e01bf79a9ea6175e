package io.jenkins.plugins.netmind;

import io.jenkins.plugins.netmind.client.Flavor;
import java.util.List;
import java.util.stream.Collectors;

/** Describes the flavors a token can see, for the configuration form's "Test connection". Free of Jenkins. */
final class FlavorSummary {

    private FlavorSummary() {}

    /** One line naming every flavor with its region, price in {@code usd} and capacity left. */
    static String describe(List<Flavor> flavors) {
        if (flavors.isEmpty()) {
            return Messages.FlavorSummary_none();
        }
        String list = flavors.stream().map(FlavorSummary::describe).collect(Collectors.joining("; "));
        return Messages.FlavorSummary_some(flavors.size(), list);
    }

    private static String describe(Flavor flavor) {
        String name = flavor.displayName() != null ? flavor.displayName() : flavor.flavorId();
        String price = flavor.price("usd").map(p -> p.toPlainString()).orElse("?");
        String region = flavor.region() != null ? flavor.region() : "?";
        return Messages.FlavorSummary_flavor(name, region, price, flavor.availableNum(), flavor.flavorId());
    }
}
