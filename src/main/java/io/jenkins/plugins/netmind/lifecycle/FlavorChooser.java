package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Flavor;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Picks the flavor for a deploy: by id, or by GPU display name (and region) among those with enough free capacity, the
 * cheapest in the deploy's payment type. When none fits, the message lists what exists.
 */
final class FlavorChooser {

    private FlavorChooser() {}

    static Flavor choose(DeploySpec spec, List<Flavor> flavors) {
        List<Flavor> offered = flavors.stream().filter(f -> !f.deleted()).toList();
        if (spec.flavorId() != null) {
            Flavor byId = offered.stream()
                    .filter(f -> spec.flavorId().equals(f.flavorId()))
                    .findFirst()
                    .orElseThrow(() -> new EndpointException(
                            EndpointException.Reason.NO_FLAVOR,
                            Messages.Flavor_unknownId(spec.flavorId(), list(offered, spec.paymentType()))));
            if (byId.availableNum() < spec.instances() || byId.nodeMaxGpu() < spec.gpuCount()) {
                throw noneFits(spec, offered);
            }
            return byId;
        }
        return offered.stream()
                .filter(f -> spec.gpu().equalsIgnoreCase(f.displayName()))
                .filter(f -> spec.region() == null || spec.region().equalsIgnoreCase(f.region()))
                .filter(f -> f.availableNum() >= spec.instances())
                .filter(f -> f.nodeMaxGpu() >= spec.gpuCount())
                .min(Comparator.comparing((Flavor f) -> priceOrMax(f, spec.paymentType()))
                        .thenComparing(f -> String.valueOf(f.flavorId())))
                .orElseThrow(() -> noneFits(spec, offered));
    }

    private static EndpointException noneFits(DeploySpec spec, List<Flavor> offered) {
        if (spec.flavorId() == null
                && !offered.isEmpty()
                && offered.stream().noneMatch(f -> spec.gpu().equalsIgnoreCase(f.displayName()))) {
            return new EndpointException(
                    EndpointException.Reason.NO_FLAVOR, Messages.Flavor_unknownGpu(spec.gpu(), names(offered)));
        }
        String wanted = spec.flavorId() != null
                ? spec.flavorId()
                : spec.region() == null ? spec.gpu() : Messages.Flavor_gpuInRegion(spec.gpu(), spec.region());
        String flavors = list(offered, spec.paymentType());
        return new EndpointException(
                EndpointException.Reason.NO_FLAVOR,
                spec.gpuCount() > 0
                        ? Messages.Flavor_noneFitsGpus(wanted, spec.instances(), spec.gpuCount(), flavors)
                        : Messages.Flavor_noneFits(wanted, spec.instances(), flavors));
    }

    private static BigDecimal priceOrMax(Flavor f, String paymentType) {
        return f.price(paymentType).orElse(BigDecimal.valueOf(Long.MAX_VALUE));
    }

    /** "A (cn, other), B (other)": each GPU name once, with the regions it is offered in. */
    static String names(List<Flavor> flavors) {
        Map<String, Set<String>> regions = new TreeMap<>();
        for (Flavor f : flavors) {
            String name = f.displayName() != null ? f.displayName() : f.flavorId();
            Set<String> in = regions.computeIfAbsent(String.valueOf(name), n -> new TreeSet<>());
            if (f.region() != null) {
                in.add(f.region());
            }
        }
        return regions.entrySet().stream()
                .map(e -> e.getValue().isEmpty()
                        ? e.getKey()
                        : Messages.Flavor_nameWithRegions(e.getKey(), String.join(", ", e.getValue())))
                .collect(Collectors.joining(", "));
    }

    static String list(List<Flavor> flavors, String paymentType) {
        if (flavors.isEmpty()) {
            return Messages.Flavor_none();
        }
        return flavors.stream()
                .map(f -> Messages.Flavor_item(
                        f.displayName(),
                        f.region(),
                        f.availableNum(),
                        f.nodeMaxGpu(),
                        Texts.money(f.price(paymentType).orElse(null), paymentType),
                        f.flavorId()))
                .collect(Collectors.joining("; "));
    }
}
