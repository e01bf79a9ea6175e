package io.jenkins.plugins.netmind.connection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny forward proxy for plain-http targets on loopback that demands Basic proxy credentials: a request without the
 * right {@code Proxy-Authorization} gets 407, any other is forwarded (without the proxy's own headers) and its answer
 * relayed. Counts what it saw.
 */
final class AuthenticatingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "proxy-authorization", "proxy-connection", "upgrade");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient forward =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final String expected;

    /** Requests answered 407. */
    final AtomicInteger refused = new AtomicInteger();

    /** Requests forwarded. */
    final AtomicInteger forwarded = new AtomicInteger();

    /** Forwarded requests that carried an {@code Authorization} header (the NetMind token). */
    final AtomicInteger forwardedWithAuthorization = new AtomicInteger();

    AuthenticatingProxy(String user, String password) throws IOException {
        expected =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!expected.equals(ex.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                refused.incrementAndGet();
                ex.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                ex.sendResponseHeaders(407, -1);
                return;
            }
            forwarded.incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(ex.getRequestURI())
                    .method(
                            ex.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            if (ex.getRequestHeaders().containsKey("Authorization")) {
                forwardedWithAuthorization.incrementAndGet();
            }
            HttpResponse<byte[]> answer;
            try {
                answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(":status")) {
                    ex.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] bytes = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
