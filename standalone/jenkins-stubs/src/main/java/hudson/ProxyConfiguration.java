package hudson;

import java.net.http.HttpClient;

/** Stub. */
public final class ProxyConfiguration {
    public ProxyConfiguration(String name, int port) {
        throw new UnsupportedOperationException("stub");
    }

    public static HttpClient newHttpClient() {
        throw new UnsupportedOperationException("stub");
    }

    public static HttpClient.Builder newHttpClientBuilder() {
        throw new UnsupportedOperationException("stub");
    }
}
