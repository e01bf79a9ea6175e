package io.jenkins.plugins.netmind.connection;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.RetryPolicy;
import io.jenkins.plugins.netmind.sim.ImmediateScheduler;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A proxy that wants credentials the controller does not send: the message names the proxy, not the token. */
class ProxyAuthenticationMessageTest {

    private static final String TOKEN = "nm-proxy-test-token";

    @Test
    void aProxyAsking407SaysToConfigureTheProxyNotTheToken() throws Exception {
        try (NetMindSimulator sim = NetMindSimulator.builder().token(TOKEN).start();
                AuthenticatingProxy proxy = new AuthenticatingProxy("alice", "proxy-password")) {
            HttpClient http = HttpClient.newBuilder()
                    .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port())))
                    .build();
            NetMindClient client = NetMindClient.builder(TOKEN)
                    .baseUrl(sim.baseUrl())
                    .httpClient(http)
                    .retryPolicy(RetryPolicy.NONE)
                    .scheduler(new ImmediateScheduler())
                    .requestTimeout(Duration.ofSeconds(30))
                    .build();

            CompletionException e = assertThrows(
                    CompletionException.class, () -> client.listFlavors().join());
            NetMindException failure = NetMindException.unwrap(e);

            assertEquals(407, failure.status());
            assertThat(failure.getMessage(), containsString("HTTP 407, proxy authentication required"));
            assertThat(failure.getMessage(), containsString("HTTP Proxy Configuration"));
            assertThat(failure.getMessage(), containsString("-Djdk.http.auth.tunneling.disabledSchemes"));
            assertThat(failure.getMessage(), not(containsString("API token credential")));
            assertThat(failure.getMessage(), not(containsString(TOKEN)));
            assertEquals(1, proxy.refused.get());
            assertEquals(0, sim.requests().size(), "NetMind was never reached");
        }
    }
}
