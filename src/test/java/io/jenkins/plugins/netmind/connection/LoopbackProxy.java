package io.jenkins.plugins.netmind.connection;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP forward proxy on loopback for tests: it takes requests in absolute form ({@code GET http://host:port/path
 * HTTP/1.1}, which a client sends only to a proxy), records each request line, and forwards the request to that host
 * and port. One request per connection: both sides are told {@code Connection: close}. No CONNECT (https) support.
 */
public final class LoopbackProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "proxy-connection", "keep-alive", "upgrade", "http2-settings", "te", "proxy-authorization");

    private final ServerSocket server;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private LoopbackProxy(ServerSocket server) {
        this.server = server;
    }

    /** Starts a proxy on a free loopback port. */
    public static LoopbackProxy start() throws IOException {
        LoopbackProxy proxy = new LoopbackProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(proxy::acceptLoop, "loopback-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /** The port it listens on (host {@code 127.0.0.1}). */
    public int port() {
        return server.getLocalPort();
    }

    /** The request lines it received, in order, e.g. {@code POST http://127.0.0.1:4321/v1/inference-service HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Requests it could not forward, with the reason. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "loopback-proxy-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ", 3);
            URI target = parts.length == 3 ? URI.create(parts[1]) : null;
            if (target == null || !target.isAbsolute()) {
                failures.add("not a proxy request: " + requestLine);
                writeHead(client.getOutputStream(), List.of("HTTP/1.1 400 Bad Request", "Content-Length: 0"));
                return;
            }
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (target.getRawQuery() != null) {
                path += "?" + target.getRawQuery();
            }
            List<String> forwarded = new ArrayList<>();
            forwarded.add(parts[0] + " " + path + " " + parts[2]);
            long length = 0;
            for (String header : head.subList(1, head.size())) {
                String name = header.substring(0, Math.max(0, header.indexOf(':')))
                        .trim()
                        .toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    length = Long.parseLong(
                            header.substring(header.indexOf(':') + 1).trim());
                }
                if (!HOP_BY_HOP.contains(name)) {
                    forwarded.add(header);
                }
            }
            forwarded.add("Connection: close");
            int port = target.getPort() > 0 ? target.getPort() : 80;
            try (Socket upstream = new Socket(target.getHost(), port)) {
                OutputStream up = upstream.getOutputStream();
                writeHead(up, forwarded);
                up.write(in.readNBytes(Math.toIntExact(length)));
                up.flush();
                InputStream down = new BufferedInputStream(upstream.getInputStream());
                List<String> responseHead = new ArrayList<>();
                for (String header : readHead(down)) {
                    String name = header.contains(":")
                            ? header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                            : "";
                    if (!HOP_BY_HOP.contains(name)) {
                        responseHead.add(header);
                    }
                }
                responseHead.add("Connection: close");
                OutputStream out = client.getOutputStream();
                writeHead(out, responseHead);
                down.transferTo(out);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            failures.add(String.valueOf(e));
        }
    }

    /** The request or status line and the headers, up to the empty line; empty at end of stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
            previous = b;
        }
        return lines;
    }

    private static void writeHead(OutputStream out, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String l : lines) {
            text.append(l).append("\r\n");
        }
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
