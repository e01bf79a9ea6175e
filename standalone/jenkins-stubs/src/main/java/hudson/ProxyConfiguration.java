package hudson;

import java.net.Proxy;
import java.net.http.HttpClient;

/** Stub. */
public final class ProxyConfiguration {
    public ProxyConfiguration(String name, int port) {
        throw new UnsupportedOperationException("stub");
    }

    public ProxyConfiguration(String name, int port, String userName, String password) {
        throw new UnsupportedOperationException("stub");
    }

    public ProxyConfiguration(String name, int port, String userName, String password, String noProxyHost) {
        throw new UnsupportedOperationException("stub");
    }

    public String getUserName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public int getPort() {
        throw new UnsupportedOperationException("stub");
    }

    public Proxy createProxy(String host) {
        throw new UnsupportedOperationException("stub");
    }

    public static HttpClient newHttpClient() {
        throw new UnsupportedOperationException("stub");
    }

    public static HttpClient.Builder newHttpClientBuilder() {
        throw new UnsupportedOperationException("stub");
    }
}
