package io.jenkins.plugins.netmind.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoint URL is found in endpoint_metadata of various shapes, and its absence is explained. */
class EndpointUrlTest {

    private static Service withMetadata(String json) throws Exception {
        return JsonText.MAPPER.readValue(
                "{\"service_id\": \"abc\", \"endpoint_metadata\": " + json + "}", Service.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"url\": \"https://a.example/v1\"}|https://a.example/v1|url",
                "{\"endpoint_url\": \"http://10.0.0.5:8080\"}|http://10.0.0.5:8080|endpoint_url",
                "{\"port\": 8080, \"domain\": \"ep-1.netmind.ai\"}|https://ep-1.netmind.ai|domain",
                "{\"host\": \"ep-2.netmind.ai:8443\"}|https://ep-2.netmind.ai:8443|host",
                "{\"access\": {\"public_url\": \"https://b.example\"}}|https://b.example|access.public_url",
                "{\"endpoints\": [{\"name\": \"http\", \"access_url\": \"c.example/x\"}]}|https://c.example/x|endpoints[0].access_url",
                "{\"urls\": [\"https://d.example\"]}|https://d.example|urls[0]",
                "{\"something\": {\"deep\": \"https://e.example/p\"}}|https://e.example/p|something.deep",
                "{\"URL\": \"https://f.example\", \"domain\": \"g.example\"}|https://f.example|URL",
            })
    void findsTheUrl(String metadata, String url, String key) throws Exception {
        EndpointUrl found = withMetadata(metadata).endpointUrl();
        assertEquals(url, found.url().toString());
        assertEquals(key, found.key());
    }

    @Test
    void prefersWellKnownKeysOverOtherUrls() throws Exception {
        EndpointUrl found = withMetadata(
                        "{\"docs\": \"https://docs.example\", \"nested\": {\"endpoint\": \"https://real.example\"}}")
                .endpointUrl();
        assertEquals("https://real.example", found.url().toString());
        assertEquals("nested.endpoint", found.key());
    }

    @Test
    void explainsWhichKeysWerePresentWhenNoneFits() throws Exception {
        NetMindException e = assertThrows(
                NetMindException.class,
                () -> withMetadata("{\"port\": 8080, \"status\": \"ready\", \"net\": {\"ip\": \"none\"}}")
                        .endpointUrl());
        assertEquals(NetMindException.Kind.INVALID_RESPONSE, e.kind());
        assertEquals(
                "NetMind's endpoint_metadata of service abc holds no endpoint URL. Keys present: net, net.ip, port,"
                        + " status. Please report this shape to the plugin's maintainers.",
                e.getMessage());
    }

    @Test
    void saysNoneWhenTheMetadataIsEmpty() throws Exception {
        NetMindException e =
                assertThrows(NetMindException.class, () -> withMetadata("null").endpointUrl());
        assertTrue(e.getMessage().contains("Keys present: none."), e.getMessage());
        assertThrows(NetMindException.class, () -> withMetadata("{}").endpointUrl());
    }
}
