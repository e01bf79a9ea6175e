package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.netmind.client.NetMindException.Kind;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.Route;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, client side: a hostile or broken answer costs bounded time and memory, the token stays home, and what
 * cannot be sent right is refused before anything is sent. Futures are awaited with a generous guard (20 s) so that a
 * hang fails the test instead of stalling the build; no assertion depends on how fast anything is.
 */
class ClientHardeningTest {

    private static final String TOKEN = "nm-s3cr3t-t0ken-value";

    private NetMindSimulator sim;

    @BeforeEach
    void start() {
        sim = NetMindSimulator.builder().token(TOKEN).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private NetMindClient client(Duration requestTimeout) {
        return NetMindClient.builder(TOKEN)
                .baseUrl(sim.baseUrl())
                .retryPolicy(RetryPolicy.NONE)
                .scheduler(new ImmediateScheduler())
                .requestTimeout(requestTimeout)
                .build();
    }

    private static NetMindException failure(CompletableFuture<?> call) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
        NetMindException n = NetMindException.unwrap(e);
        assertNotNull(n, "not a NetMindException: " + e.getCause());
        assertFalse(String.valueOf(n).contains(TOKEN), n.toString());
        for (Throwable t = n; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), t.toString());
        }
        return n;
    }

    // ---- item 3: a call's body counts against the request timeout ----

    @Test
    void aBodyThatStallsAfterTheHeadersIsATimeout() throws Exception {
        sim.faults().on(Route.GET).call(1).stallBody();
        NetMindException e = failure(client(Duration.ofSeconds(1)).getService("a"));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(
                "NetMind did not answer GET /v1/inference-service/a within 1 seconds. Try again later, or raise the"
                        + " request timeout.",
                e.getMessage());
    }

    // ---- item 5: the token stays home ----

    @Test
    void aTokenWithCharactersAHeaderCannotHoldIsRefusedWithoutShowingIt() {
        String bad = "nm-t\u0100ken-value";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetMindClient.builder(bad));
        assertFalse(e.getMessage().contains(bad), e.getMessage());
        assertNull(e.getCause());
        assertTrue(e.getMessage().contains("only visible ASCII characters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetMindClient.builder("two words"));
    }

    @Test
    void anExceptionWhoseMessageHoldsTheTokenIsNeverKeptAsACause() {
        // what the JDK throws for a header value it refuses: its message quotes the value
        Failures failures = new Failures(sim.baseUrl(), TOKEN, java.time.Clock.systemUTC());
        RuntimeException jdk = new IllegalArgumentException("invalid header value: \"Bearer " + TOKEN + "\"");
        NetMindException e = failures.fromThrowable(
                "GET", "/v1/inference-service/a", false, new java.io.IOException("send failed", jdk), Duration.ZERO);
        assertNull(e.getCause());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        IllegalStateException harmless = new IllegalStateException("no route to host");
        assertEquals(
                harmless,
                failures.fromThrowable("GET", "/x", false, harmless, Duration.ZERO)
                        .getCause());
    }

    @Test
    void theTokenIsMaskedBeforeNetMindsMessageIsCut() throws Exception {
        // the token straddles the 500-character cut: cutting first would leave its first characters
        String message = "x".repeat(490) + " " + TOKEN + " and more text after it";
        sim.faults().on(Route.GET).call(1).respond(500, "{\"message\": \"" + message + "\"}");
        NetMindException e = failure(client(Duration.ofSeconds(30)).getService("a"));
        assertFalse(e.netmindMessage().contains(TOKEN.substring(0, 6)), e.netmindMessage());
        assertFalse(e.getMessage().contains(TOKEN.substring(0, 6)), e.getMessage());
        assertTrue(e.netmindMessage().contains(" **** and"), e.netmindMessage());
        assertTrue(e.netmindMessage().endsWith("…"), e.netmindMessage());
    }

    @Test
    void theProbeSendsTheTokenOnlyOverHttpsOrToLoopback() throws Exception {
        NetMindClient client = client(Duration.ofSeconds(30));
        NetMindException e = failure(client.probe(URI.create("http://203.0.113.7:8080/health"), true));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertFalse(e.isRetryable());
        assertEquals(
                "The endpoint URL http://203.0.113.7:8080/health uses plain http, so the readiness probe will not send"
                        + " the NetMind API token to it (anyone in between could read it). Turn off sending the"
                        + " token, or use an endpoint served over https.",
                e.getMessage());
        // loopback over http is fine (the simulator), and so is http without the token
        URI local = sim.endpointUrl("none");
        assertEquals(404, client.probe(local, true).get(20, TimeUnit.SECONDS));
        assertTrue(sim.requests(Route.ENDPOINT).get(0).headers().containsKey("Authorization"));
    }

    @Test
    void theProbeNeverCallsLinkLocalOrMetadataAddresses() throws Exception {
        NetMindClient client = client(Duration.ofSeconds(30));
        for (String url : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "https://[fe80::1]/health",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://100.100.100.200/latest/meta-data")) {
            NetMindException e = failure(client.probe(URI.create(url), false));
            assertEquals(Kind.BAD_REQUEST, e.kind(), url);
            assertTrue(e.getMessage().contains("link-local or cloud-metadata address"), e.getMessage());
        }
    }

    // ---- item 6: hostile answers cost bounded time and memory ----

    @Test
    void tagStrippingIsLinearAndMatchesTheOldRule() throws Exception {
        // a million unclosed '<': the old regex needed time quadratic in this (hours); the guard only stops a hang
        String hostile = "<".repeat(1_000_000);
        CompletableFuture<String> stripped = CompletableFuture.supplyAsync(() -> JsonText.stripTags(hostile));
        assertEquals(hostile, stripped.get(20, TimeUnit.SECONDS));
        Random random = new Random(10);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                text.append("<>a \n".charAt(random.nextInt(5)));
            }
            String t = text.toString();
            assertEquals(t.replaceAll("(?s)<[^>]*>", " "), JsonText.stripTags(t), t);
        }
    }

    @Test
    void aHostileErrorBodyIsReadOnlyUpToItsCap() throws Exception {
        sim.faults().on(Route.GET).call(1).respond(502, "<".repeat(40_000) + " gateway");
        NetMindException e = failure(client(Duration.ofSeconds(30)).getService("a"));
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertTrue(
                e.netmindMessage().length() <= 501, "cut: " + e.netmindMessage().length());
    }

    @Test
    void aSuccessAnswerPastTheCapFailsClearly() throws Exception {
        String huge = "{\"service_id\": \"a\", \"pad\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        sim.faults().on(Route.GET).call(1).respond(200, huge);
        NetMindException e = failure(client(Duration.ofSeconds(30)).getService("a"));
        assertEquals(Kind.INVALID_RESPONSE, e.kind());
        assertFalse(e.isRetryable());
        assertEquals(
                "NetMind's answer to GET /v1/inference-service/a is larger than 8 MB, far more than any answer NetMind"
                        + " sends; the plugin stopped reading it. Check the API URL.",
                e.getMessage());
    }

    // ---- item 7: refuse before anything is sent ----

    @Test
    void aBaseUrlWithQueryFragmentOrUserinfoIsRefused() {
        for (String url : List.of(
                "https://api.netmind.ai/?x=1", "https://api.netmind.ai/#top", "https://user:pw@api.netmind.ai")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> NetMindClient.builder(TOKEN).baseUrl(URI.create(url)));
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
            assertTrue(e.getMessage().contains("must not contain a query, a fragment or user information"), url);
        }
    }

    @Test
    void serviceIdsMustBeSafePathSegments() {
        NetMindClient client = client(Duration.ofSeconds(30));
        for (String id : List.of(".", "..", "a/b", "a b", "a%2e", "x\ny")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.getService(id));
            assertTrue(e.getMessage().startsWith("Invalid NetMind service id"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(sim.requests().isEmpty(), "nothing sent: " + sim.requests());
        assertTrue(NetMindClient.isSafeServiceId("svc-12_a.b~c"));
    }

    // ---- item 8: a create answered without a service id ----

    @Test
    void aCreateAnsweredWithoutServiceIdIsAnInvalidResponse() throws Exception {
        sim.faults().on(Route.CREATE).call(1).respond(200, "{\"name\": \"lost\", \"status\": \"initializing\"}");
        NetMindException e = failure(client(Duration.ofSeconds(30)).createService(ClientCallsTest.request("lost", 1)));
        assertEquals(Kind.INVALID_RESPONSE, e.kind());
        assertEquals(
                "NetMind answered POST /v1/inference-service (HTTP 200) with a response the plugin cannot read:"
                        + " IllegalStateException: the create was answered without a service_id; keys present: name,"
                        + " status",
                e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void plainlyTerminalStatusesAreTerminal() throws Exception {
        for (String status : List.of("terminated", "crashed", "killed", "OOMKilled", "oom", "failed", "Error")) {
            assertTrue(service(status).isTerminalFailure(), status);
        }
        for (String status : List.of("initializing", "available", "stopping", "zoom", "pending")) {
            assertFalse(service(status).isTerminalFailure(), status);
        }
        assertTrue(service("available").isKnownStatus());
        assertFalse(service("pending").isKnownStatus());
    }

    private static Service service(String status) throws Exception {
        return JsonText.MAPPER.readValue("{\"service_id\":\"s\",\"status\":\"" + status + "\"}", Service.class);
    }
}
