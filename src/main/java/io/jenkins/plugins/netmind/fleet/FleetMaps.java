package io.jenkins.plugins.netmind.fleet;

import io.jenkins.plugins.netmind.lifecycle.FleetRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows as {@code netmindListEndpoints} returns them: one read-only map per endpoint, holding only strings, numbers
 * and booleans (a Pipeline saves them with the program). Prices and costs are plain decimal strings, as the other
 * steps return prices; times are ISO-8601 strings.
 */
final class FleetMaps {

    /** The keys of every row, in order. */
    static final List<String> KEYS = List.of(
            "name",
            "serviceId",
            "status",
            "instances",
            "flavorId",
            "flavorName",
            "region",
            "pricePerHour",
            "paymentType",
            "createdAt",
            "expires",
            "ageMinutes",
            "costSoFar",
            "owner",
            "controllerId",
            "state",
            "thisController");

    private FleetMaps() {}

    /** A new list (the script may sort or filter it) of read-only rows. */
    static ArrayList<Map<String, Object>> toMaps(FleetView view) {
        ArrayList<Map<String, Object>> maps = new ArrayList<>();
        for (FleetRow row : view.rows()) {
            maps.add(toMap(row, view.getListedAt()));
        }
        return maps;
    }

    /** One row; read-only. */
    static Map<String, Object> toMap(FleetRow row, Instant now) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("name", row.name());
        map.put("serviceId", row.serviceId());
        map.put("status", row.status());
        map.put("instances", row.instances());
        map.put("flavorId", row.flavorId());
        map.put("flavorName", row.flavorName());
        map.put("region", row.region());
        map.put("pricePerHour", plain(row.pricePerHour()));
        map.put("paymentType", row.paymentType());
        map.put("createdAt", text(row.createdAt()));
        map.put("expires", text(row.expires()));
        Duration age = row.age(now);
        map.put("ageMinutes", age == null ? null : age.toMinutes());
        map.put("costSoFar", plain(row.costSoFar(now)));
        map.put("owner", row.owner());
        map.put("controllerId", row.controllerId());
        map.put("state", row.state().name());
        map.put("thisController", row.state().isThisControllers());
        return Collections.unmodifiableMap(map);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
