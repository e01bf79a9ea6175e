package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.NetMindException.Kind;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries and backoff, driven by a scheduler that records the delays and runs at once (no real sleeps). */
class RetryTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(2));

    private NetMindSimulator sim;
    private ImmediateScheduler scheduler;
    private NetMindClient client;

    @BeforeEach
    void start() {
        sim = NetMindSimulator.start();
        scheduler = new ImmediateScheduler();
        client = sim.clientBuilder()
                .scheduler(scheduler)
                .retryPolicy(POLICY)
                .random(new Random(7))
                .build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String created() {
        return client.createService(ClientCallsTest.request("r", 1)).join().serviceId();
    }

    @Test
    void honoursRetryAfter() {
        String id = created();
        sim.faults().on(Route.GET).calls(1, 2).respond429(7);
        Service service = client.getService(id).join();
        assertEquals(id, service.serviceId());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), scheduler.delays());
        assertEquals(3, sim.requests(Route.GET).size());
    }

    @Test
    void backsOffWithFullJitterUnderACap() {
        String id = created();
        sim.faults().on(Route.GET).calls(1, 3).respond(503);
        client.getService(id).join();
        List<Duration> delays = scheduler.delays();
        assertEquals(3, delays.size());
        long[] ceilings = {1000, 2000, 4000};
        for (int i = 0; i < delays.size(); i++) {
            long ms = delays.get(i).toMillis();
            assertTrue(ms >= 0 && ms <= ceilings[i], "retry " + (i + 1) + " waited " + ms + " ms");
        }
    }

    @Test
    void theBackoffCeilingDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ZERO);
        Random random = new Random(1);
        long[] max = new long[10];
        for (int n = 0; n < 2000; n++) {
            for (int retry = 1; retry <= 10; retry++) {
                max[retry - 1] =
                        Math.max(max[retry - 1], policy.backoff(retry, random).toMillis());
            }
        }
        // the largest of 2000 uniform draws comes close to each ceiling: 1, 2, 4, then the 8 s cap
        long[] ceiling = {1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 8000};
        for (int i = 0; i < max.length; i++) {
            assertTrue(max[i] <= ceiling[i] && max[i] > ceiling[i] * 0.95, "retry " + (i + 1) + ": " + max[i]);
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo() {
        sim.faults().on(Route.GET).always().respond(500);
        CompletionException e = assertThrows(
                CompletionException.class, () -> client.getService("x").join());
        NetMindException n = NetMindException.unwrap(e);
        assertEquals(Kind.SERVER_ERROR, n.kind());
        assertTrue(n.getMessage().endsWith("(Gave up after 4 attempts.)"), n.getMessage());
        assertEquals(4, sim.requests(Route.GET).size());
        assertEquals(3, scheduler.delays().size());
    }

    @Test
    void retriesPutAndDeleteToo() {
        String id = created();
        sim.faults().on(Route.UPDATE).call(1).respond(502);
        sim.faults().on(Route.DELETE).call(1).respond429();
        client.scaleService(id, 2).join();
        assertEquals(DeleteOutcome.DELETED, client.deleteService(id).join());
        assertEquals(2, sim.requests(Route.UPDATE).size());
        assertEquals(2, sim.requests(Route.DELETE).size());
        assertEquals(Set.of(), sim.liveServices());
    }

    @Test
    void retriesAReadWhoseConnectionBroke() {
        String id = created();
        sim.faults().on(Route.GET).calls(1, 2).reset();
        assertEquals(id, client.getService(id).join().serviceId());
        assertEquals(1, scheduler.delays().size());
    }

    @Test
    void doesNotRetryACreateThatMayHaveReachedNetMind() {
        sim.faults().on(Route.CREATE).call(1).respond(500);
        NetMindException e = NetMindException.unwrap(assertThrows(
                CompletionException.class,
                () -> client.createService(ClientCallsTest.request("c", 1)).join()));
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals(false, e.isRetryable());
        assertEquals(1, sim.requests(Route.CREATE).size());
        assertEquals(List.of(), scheduler.delays());
    }

    @Test
    void doesNotRetryACreateWhoseAnswerWasLost() {
        sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        NetMindException e = NetMindException.unwrap(assertThrows(
                CompletionException.class,
                () -> client.createService(ClientCallsTest.request("c", 1)).join()));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertEquals(1, sim.requests(Route.CREATE).size());
        assertEquals(1, sim.liveServices().size(), "exactly one service, no duplicate");
    }

    @Test
    void retriesACreateRefusedWith429() {
        sim.faults().on(Route.CREATE).call(1).respond429(3);
        Service s = client.createService(ClientCallsTest.request("c", 1)).join();
        assertEquals("c", s.name());
        assertEquals(List.of(Duration.ofSeconds(3)), scheduler.delays());
        assertEquals(Set.of(s.serviceId()), sim.liveServices());
    }

    @Test
    void retriesACreateThatNeverConnected() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        NetMindClient refused = NetMindClient.builder("t")
                .baseUrl(URI.create("http://127.0.0.1:" + port))
                .scheduler(scheduler)
                .retryPolicy(POLICY)
                .build();
        NetMindException e = NetMindException.unwrap(assertThrows(
                CompletionException.class,
                () -> refused.createService(ClientCallsTest.request("c", 1)).join()));
        assertEquals(Kind.CONNECTION, e.kind());
        assertEquals(3, scheduler.delays().size());
        assertTrue(e.getMessage().endsWith("(Gave up after 4 attempts.)"), e.getMessage());
    }

    @Test
    void aRetryAfterLongerThanTheLimitEndsTheRetries() {
        sim.faults().on(Route.GET).call(1).respond429(3600);
        NetMindException e = NetMindException.unwrap(assertThrows(
                CompletionException.class, () -> client.getService("x").join()));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(List.of(), scheduler.delays());
        assertTrue(
                e.getMessage()
                        .endsWith("(NetMind asked to wait 3600 seconds, longer than the 120 seconds the"
                                + " plugin waits.)"),
                e.getMessage());
    }

    @Test
    void doesNotRetryClientErrors() {
        NetMindException e = NetMindException.unwrap(assertThrows(
                CompletionException.class, () -> client.getService("unknown").join()));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals(1, sim.requests(Route.GET).size());
        assertEquals(List.of(), scheduler.delays());
    }
}
