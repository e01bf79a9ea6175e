package io.jenkins.plugins.netmind.client;

import java.net.URI;
import java.util.Objects;

/**
 * The URL of a deployed endpoint, as found in the service's {@code endpoint_metadata}.
 *
 * @param url the absolute URL (a bare host found in the metadata is given {@code https://})
 * @param key the path of the key it came from inside {@code endpoint_metadata}, e.g. {@code url} or {@code access[0].url}
 */
public record EndpointUrl(URI url, String key) {

    /** Checks the components. */
    public EndpointUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(key, "key");
    }
}
