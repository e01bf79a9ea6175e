package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The fleet as it was when listed: one row per live endpoint any connection showed, which connection showed it, and
 * what each connection that could not list said.
 */
public final class FleetView {

    private final Instant listedAt;
    private final List<FleetEntry> entries;
    private final Map<String, Connection> listedBy;
    private final List<String> problems;
    private final int connections;

    FleetView(
            Instant listedAt,
            List<FleetEntry> entries,
            Map<String, Connection> listedBy,
            List<String> problems,
            int connections) {
        this.listedAt = listedAt;
        this.entries = List.copyOf(entries);
        this.listedBy = Map.copyOf(listedBy);
        this.problems = List.copyOf(problems);
        this.connections = connections;
    }

    /** When NetMind was asked (the rows' ages and costs are as of then). */
    public Instant getListedAt() {
        return listedAt;
    }

    /** The rows, oldest endpoint first. */
    public List<FleetEntry> getEntries() {
        return entries;
    }

    /** The core's rows, in the same order. */
    public List<FleetRow> rows() {
        return entries.stream().map(FleetEntry::getRow).toList();
    }

    /** One line per connection that could not list (or only in part), saying why. */
    public List<String> getProblems() {
        return problems;
    }

    /** How many connections were asked (none: no credential is configured or recorded). */
    public int getConnections() {
        return connections;
    }

    /** The row of {@code serviceId}, if a connection listed it. */
    Optional<FleetEntry> entry(String serviceId) {
        return entries.stream().filter(e -> e.getServiceId().equals(serviceId)).findFirst();
    }

    /** The connection that listed {@code serviceId}. */
    @CheckForNull
    Connection listedBy(String serviceId) {
        return listedBy.get(serviceId);
    }

    /** "5 endpoints, 3 of this controller's costing 1.80 USD per hour". */
    public String getTotals() {
        List<FleetRow> ours =
                rows().stream().filter(r -> r.state().isThisControllers()).toList();
        return Messages.FleetView_totals(entries.size(), ours.size(), pricePerHour(ours));
    }

    /** The price per hour of {@code rows}, summed per currency ("1.80 USD + 2.00 CNY"), unknown prices noted. */
    static String pricePerHour(List<FleetRow> rows) {
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        long unknown = 0;
        for (FleetRow r : rows) {
            if (r.pricePerHour() == null) {
                unknown++;
            } else {
                byCurrency.merge(Texts.currency(r.paymentType()), r.pricePerHour(), BigDecimal::add);
            }
        }
        String sum = byCurrency.isEmpty()
                ? Texts.money(BigDecimal.ZERO, "usd")
                : byCurrency.entrySet().stream()
                        .map(e -> Texts.money(e.getValue(), e.getKey()))
                        .collect(Collectors.joining(" + "));
        return unknown == 0 ? sum : Messages.FleetView_someUnknown(sum, unknown);
    }
}
