package io.jenkins.plugins.netmind.connection;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.PasswordAuthentication;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether Jenkins' proxy settings keep the NetMind token from reaching NetMind. With a proxy user name, {@code
 * ProxyConfiguration.newHttpClientBuilder()} gives the HTTP client an {@link Authenticator}, and Java releases without
 * the fix of JDK-8326949 then drop the {@code Authorization} header of every request: NetMind answers 401 whatever the
 * token. Which Java does so is found out once, by sending one request with both to a loopback socket, not guessed from
 * version numbers (the fix was backported).
 */
final class ProxyCheck {

    private static final Logger LOGGER = Logger.getLogger(ProxyCheck.class.getName());

    /** Test only: stands in for {@link #probe()}, to play a Java without the fix. Null in production. */
    static volatile BooleanSupplier dropsAuthorizationForTests;

    private static volatile Boolean dropsAuthorization;

    private ProxyCheck() {}

    /**
     * The problem, said plainly, when {@code proxy} has a user name, would carry requests to {@code apiUrl}, and this
     * Java drops the token; empty otherwise.
     */
    static Optional<String> problem(@CheckForNull ProxyConfiguration proxy, URI apiUrl) {
        if (proxy == null || proxy.getUserName() == null || proxy.getUserName().isBlank()) {
            return Optional.empty();
        }
        if (proxy.createProxy(apiUrl.getHost()).type() == java.net.Proxy.Type.DIRECT) {
            return Optional.empty();
        }
        if (!dropsAuthorization()) {
            return Optional.empty();
        }
        return Optional.of(Messages.ProxyCheck_tokenDropped(
                proxy.getName() + ":" + proxy.getPort(), System.getProperty("java.version")));
    }

    /** Whether this Java drops a request's own {@code Authorization} header when the client has an authenticator. */
    static boolean dropsAuthorization() {
        BooleanSupplier forTests = dropsAuthorizationForTests;
        if (forTests != null) {
            return forTests.getAsBoolean();
        }
        Boolean known = dropsAuthorization;
        if (known == null) {
            known = probe();
            dropsAuthorization = known;
        }
        return known;
    }

    /**
     * Sends one request with an {@code Authorization} header, from a client with an authenticator, to a loopback
     * socket, and tells whether the header arrived. When the probe itself fails, assumes the header arrives.
     */
    static boolean probe() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5_000);
            HttpClient client = HttpClient.newBuilder()
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .authenticator(new Authenticator() {
                        @Override
                        protected PasswordAuthentication getPasswordAuthentication() {
                            return null;
                        }
                    })
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getLocalPort() + "/probe"))
                    .header("Authorization", "Bearer probe")
                    .timeout(Duration.ofSeconds(5))
                    .build();
            CompletableFuture<HttpResponse<Void>> sent =
                    client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            boolean arrived = false;
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(5_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    arrived |= line.toLowerCase(Locale.ROOT).startsWith("authorization:");
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            sent.get(5, TimeUnit.SECONDS);
            return !arrived;
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "could not probe the HTTP client's Authorization handling", e);
            return false;
        }
    }
}
