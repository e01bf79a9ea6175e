package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error class, with the message a user reads; the token never shows. */
class ErrorMessagesTest {

    private static final String TOKEN = "nm-s3cr3t-t0ken-value";

    private final List<NetMindException> seen = new ArrayList<>();
    private NetMindSimulator sim;
    private NetMindClient client;
    private String api;

    @BeforeEach
    void start() {
        sim = NetMindSimulator.builder().token(TOKEN).start();
        client = client(sim.baseUrl(), TOKEN);
        api = sim.baseUrl().toString();
    }

    @AfterEach
    void noTokenAnywhere() {
        sim.close();
        for (NetMindException e : seen) {
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertFalse(e.toString().contains(TOKEN), e.toString());
            assertFalse(e.netmindMessage().contains(TOKEN), e.netmindMessage());
        }
        assertFalse(client.toString().contains(TOKEN));
    }

    /**
     * A client with a request timeout far above any answer's time, even on a loaded machine: the first request of a
     * fresh client (connection, TLS-free handshake, class loading) once took more than 300 ms under CPU load and failed
     * as a TIMEOUT with no NetMind message. Only {@link #slowAnswerIsATimeout()} uses a short timeout.
     */
    private static NetMindClient client(URI base, String token) {
        return client(base, token, Duration.ofSeconds(30));
    }

    private static NetMindClient client(URI base, String token, Duration requestTimeout) {
        return NetMindClient.builder(token)
                .baseUrl(base)
                .retryPolicy(RetryPolicy.NONE)
                .scheduler(new ImmediateScheduler())
                .requestTimeout(requestTimeout)
                .build();
    }

    private NetMindException failure(CompletableFuture<?> call) {
        CompletionException e = assertThrows(CompletionException.class, call::join);
        NetMindException n = NetMindException.unwrap(e);
        assertNotNull(n, "not a NetMindException: " + e.getCause());
        seen.add(n);
        return n;
    }

    @Test
    void wrongTokenTellsToCheckTheCredentialAndTheUrl() {
        NetMindException e = failure(client(sim.baseUrl(), "wrong-token").listFlavors());
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertEquals(401, e.status());
        assertEquals("GET", e.method());
        assertEquals("/v1/inference-service/flavor", e.path());
        assertEquals("Invalid API key", e.netmindMessage());
        assertFalse(e.isRetryable());
        assertEquals(
                "NetMind refused GET /v1/inference-service/flavor (HTTP 401): Invalid API key. Check that the NetMind"
                        + " API token credential is correct and not revoked, and that the API URL " + api
                        + " is NetMind's API.",
                e.getMessage());
    }

    @Test
    void forbiddenIsAnAuthorizationProblemToo() {
        sim.faults().on(Route.LIST_FLAVORS).call(1).respond(403, "{\"detail\": \"Invalid API key\"}");
        NetMindException e = failure(client.listFlavors());
        assertEquals(Kind.UNAUTHORIZED, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith("NetMind refused GET /v1/inference-service/flavor (HTTP 403): Invalid"
                                + " API key. Check that the NetMind API token credential"),
                e.getMessage());
    }

    @Test
    void unknownServiceSaysItMayBeDeleted() {
        NetMindException e = failure(client.getService("nope"));
        assertEquals(Kind.NOT_FOUND, e.kind());
        assertEquals(
                "NetMind does not know GET /v1/inference-service/nope (HTTP 404): service not found: nope. The"
                        + " endpoint may have been deleted already; if this persists, check that the API URL " + api
                        + " is NetMind's API.",
                e.getMessage());
    }

    @Test
    void rejectedCreateShowsNetMindsReason() {
        CreateServiceRequest tooManyGpus = new CreateServiceRequest(
                "x",
                "",
                "usd",
                CreateServiceRequest.Resources.manual("69475e82e81c4dd6be3467e2ca374e0c", 1),
                new CreateServiceRequest.Deployment("python:3.10-slim", null, 8080, 7));
        NetMindException e = failure(client.createService(tooManyGpus));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertEquals(
                "NetMind rejected POST /v1/inference-service (HTTP 400): deploy_metadata.gpu_num exceeds the"
                        + " flavor's node_max_gpu (2). Check the endpoint settings (flavor, image, command, port,"
                        + " instance count, payment type).",
                e.getMessage());
        assertEquals(List.of(), List.copyOf(sim.liveServices()));
    }

    @Test
    void rateLimitSaysToTryLaterAndKeepsRetryAfter() {
        sim.faults().on(Route.GET).call(1).respond429(7);
        NetMindException e = failure(client.getService("any"));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(e.isRetryable());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertEquals(
                "NetMind is limiting the request rate (GET /v1/inference-service/any, HTTP 429): Too Many Requests."
                        + " Try again later, or run fewer builds against NetMind at the same time.",
                e.getMessage());
    }

    @Test
    void serverErrorsReadAnyBodyShape() {
        sim.faults().on(Route.GET).call(1).respond(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        sim.faults().on(Route.GET).call(2).respond(500, "{\"error\": {\"message\": \"db down\", \"code\": 17}}");
        sim.faults().on(Route.GET).call(3).respond(503, "");
        NetMindException e502 = failure(client.getService("a"));
        NetMindException e500 = failure(client.getService("a"));
        NetMindException e503 = failure(client.getService("a"));
        assertEquals(List.of(502, 500, 503), List.of(e502.status(), e500.status(), e503.status()), e502.getMessage());
        assertEquals("502 Bad Gateway", e502.netmindMessage());
        assertEquals("db down", e500.netmindMessage());
        assertEquals("", e503.netmindMessage());
        for (NetMindException e : List.of(e502, e500, e503)) {
            assertEquals(Kind.SERVER_ERROR, e.kind());
            assertTrue(e.isRetryable());
            assertTrue(
                    e.getMessage()
                            .endsWith("This is a problem on NetMind's side; try again later and check"
                                    + " NetMind's status page."),
                    e.getMessage());
        }
        assertTrue(
                e503.getMessage()
                        .startsWith("NetMind failed on GET /v1/inference-service/a (HTTP 503): no" + " message."),
                e503.getMessage());
    }

    @Test
    void aTokenEchoedByNetMindIsHidden() {
        sim.faults().on(Route.GET).call(1).respond(500, "{\"message\": \"bad key " + TOKEN + "\"}");
        NetMindException e = failure(client.getService("a"));
        assertEquals("bad key ****", e.netmindMessage());
    }

    @Test
    void connectionRefusedTellsToCheckUrlNetworkAndProxy() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);
        NetMindException e = failure(client(closed, TOKEN).listFlavors());
        assertEquals(Kind.CONNECTION, e.kind());
        assertEquals(0, e.status());
        assertTrue(e.isRetryable());
        assertTrue(
                e.getMessage().startsWith("Could not connect to NetMind for GET /v1/inference-service/flavor: "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("Check the API URL " + closed + ", the network and Jenkins' proxy" + " settings."),
                e.getMessage());
    }

    @Test
    void slowAnswerIsATimeout() {
        sim.faults().on(Route.GET).call(1).latency(Duration.ofSeconds(30));
        NetMindException e =
                failure(client(sim.baseUrl(), TOKEN, Duration.ofMillis(300)).getService("slow"));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.isRetryable());
        assertEquals(
                "NetMind did not answer GET /v1/inference-service/slow within 0.3 seconds. Try again later, or raise"
                        + " the request timeout.",
                e.getMessage());
    }

    @Test
    void brokenConnectionOnAReadIsRetryable() {
        // the JDK's HttpClient itself repeats a GET once on a closed connection: break every call
        sim.faults().on(Route.GET).always().reset();
        NetMindException e = failure(client.getService("a"));
        assertEquals(Kind.CONNECTION, e.kind());
        assertTrue(e.isRetryable());
    }

    @Test
    void lostCreateAnswerIsAnUnknownOutcome() {
        sim.faults().on(Route.CREATE).call(1).createdButResponseLost();
        NetMindException e = failure(client.createService(ClientCallsTest.request("lost", 1)));
        assertEquals(Kind.OUTCOME_UNKNOWN, e.kind());
        assertFalse(e.isRetryable());
        assertTrue(
                e.getMessage().startsWith("The connection broke after POST /v1/inference-service was sent ("),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("so it is unknown whether NetMind created the endpoint. Look for it by"
                                + " name before creating it again."),
                e.getMessage());
        assertEquals(List.of("lost"), List.copyOf(sim.liveServiceNames()));
    }

    @Test
    void unreadableSuccessIsAnInvalidResponse() {
        sim.faults().on(Route.GET).call(1).respond(200, "<html>maintenance</html>");
        NetMindException e = failure(client.getService("a"));
        assertEquals(Kind.INVALID_RESPONSE, e.kind());
        assertFalse(e.isRetryable());
        assertTrue(
                e.getMessage()
                        .startsWith("NetMind answered GET /v1/inference-service/a (HTTP 200) with a"
                                + " response the plugin cannot read: "),
                e.getMessage());
    }
}
