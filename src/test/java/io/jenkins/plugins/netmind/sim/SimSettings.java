package io.jenkins.plugins.netmind.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator's behaviour settings; changed through {@link NetMindSimulator}'s setters at any time. */
final class SimSettings {

    volatile Duration readyDelay = Duration.ZERO;
    final Map<String, Duration> readyDelayByName = new ConcurrentHashMap<>();
    volatile Duration scaleDelay;
    volatile Duration endpointLag = Duration.ZERO;
    volatile String endpointUrlKey = "url";
    volatile boolean endpointUrlWithScheme = true;
    volatile NetMindSimulator.DeleteMode deleteMode = NetMindSimulator.DeleteMode.SOFT;
    volatile NetMindSimulator.ListMode listMode = NetMindSimulator.ListMode.SUPPORTED;
    volatile Duration listLag = Duration.ZERO;
    volatile boolean uniqueNames;
    volatile List<SimFlavor> flavors = SimFlavor.defaults();

    Duration readyDelay(String name) {
        return readyDelayByName.getOrDefault(name, readyDelay);
    }

    Duration scaleDelay(String name) {
        Duration d = scaleDelay;
        return d != null ? d : readyDelay(name);
    }
}
