package io.jenkins.plugins.netmind.fleet;

import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.connection.ControllerIdentity;
import io.jenkins.plugins.netmind.lifecycle.EndpointMarker;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Endpoints of every kind the NetMind endpoints page shows, made directly on the simulator (as someone at NetMind's
 * console or another controller would) and, for this controller's leftovers, recorded in the registry as a build that
 * no longer exists left them.
 */
final class FleetEndpoints {

    /** The seed's 4090 in region 'other' (0.3 USD per instance-hour on the simulator). */
    static final String FLAVOR_4090_OTHER = "7b2f36d30e0743debc6c60d5017e2d16";

    private final NetMindSimulator sim;
    private final NetMindClient client;

    FleetEndpoints(NetMindSimulator sim) {
        this.sim = sim;
        this.client = sim.clientBuilder().build();
    }

    /** An endpoint someone made at NetMind's console: no marker. */
    String unmanaged(String name) throws Exception {
        return create(name, "made by hand in the console");
    }

    /** An endpoint another controller made for its build {@code owner}, expiring in an hour. */
    String otherControllers(String name, String owner) throws Exception {
        return create(
                name,
                EndpointMarker.format(
                        "0ther0c0ntr0ller", owner, Instant.now().plus(Duration.ofHours(1)), "k3x9qa0b1c2d"));
    }

    /**
     * An endpoint this controller made for its build {@code owner} and whose record it lost (a {@code JENKINS_HOME}
     * rebuilt): only the marker with this controller's id says whose it is.
     */
    String recordLost(String name, String owner) throws Exception {
        return create(
                name,
                EndpointMarker.format(
                        ControllerIdentity.id(), owner, Instant.now().plus(Duration.ofHours(3)), "l0st0wner123"));
    }

    /**
     * An endpoint this controller's registry still tracks for a build that no longer exists ({@code ghost #1}), its
     * marker expiring at {@code expires}: an orphan, or expired when that has passed.
     */
    String leftover(String name, Instant expires) throws Exception {
        String nonce = "n0nce" + Math.abs(name.hashCode() % 10_000_000);
        String serviceId = create(name, EndpointMarker.format(null, "ghost #1", expires, nonce));
        Instant now = Instant.now();
        LedgerEntry entry = new LedgerEntry(
                name,
                serviceId,
                LedgerEntry.State.CREATED,
                now,
                FLAVOR_4090_OTHER,
                1,
                new BigDecimal("0.3"),
                "usd",
                now,
                nonce);
        EndpointRegistry.get()
                .record(RecordedEndpoint.of(
                        "ghost#1",
                        NetMindJenkinsFixture.CREDENTIALS_ID,
                        sim.baseUrl().toString(),
                        entry));
        return serviceId;
    }

    private String create(String name, String description) throws Exception {
        Service created = client.createService(new CreateServiceRequest(
                        name,
                        description,
                        "usd",
                        CreateServiceRequest.Resources.manual(FLAVOR_4090_OTHER, 1),
                        new CreateServiceRequest.Deployment("python:3.10-slim", "python app.py", 8080, 0)))
                .get(30, TimeUnit.SECONDS);
        return created.serviceId();
    }
}
