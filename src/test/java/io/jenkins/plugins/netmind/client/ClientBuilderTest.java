package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base URL rules, the token checks and the injectable HTTP client. */
class ClientBuilderTest {

    @Test
    void defaultsToNetMindsApi() {
        assertEquals(
                URI.create("https://api.netmind.ai"),
                NetMindClient.builder("t").build().baseUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8089", "http://127.0.0.1:1/", "http://[::1]:80", "https://example.org"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        NetMindClient client =
                NetMindClient.builder("t").baseUrl(URI.create(url)).build();
        assertFalse(client.baseUrl().toString().endsWith("/"));
    }

    @Test
    void refusesPlainHttpToOtherHosts() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NetMindClient.builder("t").baseUrl(URI.create("http://api.netmind.ai")));
        assertEquals(
                "The NetMind API URL http://api.netmind.ai must use https; plain http is allowed only for localhost.",
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> NetMindClient.builder("t").baseUrl(URI.create("ftp://x.org")));
        assertThrows(
                IllegalArgumentException.class, () -> NetMindClient.builder("t").baseUrl(URI.create("/v1")));
    }

    @Test
    void refusesEmptyOrMultiLineTokensWithoutShowingThem() {
        assertEquals(
                "The NetMind API token is empty.",
                assertThrows(IllegalArgumentException.class, () -> NetMindClient.builder(" "))
                        .getMessage());
        String message = assertThrows(IllegalArgumentException.class, () -> NetMindClient.builder("abc\r\nX: y"))
                .getMessage();
        assertFalse(message.contains("abc"), message);
    }

    @Test
    void usesTheInjectedHttpClient() {
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            NetMindClient client = sim.clientBuilder().httpClient(http).build();
            assertEquals(4, client.listFlavors().join().size());
            assertEquals("NetMindClient[" + sim.baseUrl() + "]", client.toString());
        }
    }
}
