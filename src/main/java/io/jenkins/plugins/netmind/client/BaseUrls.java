package io.jenkins.plugins.netmind.client;

import java.net.URI;
import java.util.Locale;

/** Checks an API base URL: absolute, http(s), https unless the host is a loopback address. */
final class BaseUrls {

    private BaseUrls() {}

    static URI check(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.isOpaque()) {
            throw new IllegalArgumentException(Messages.Client_invalidBaseUrl(String.valueOf(url)));
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            // paths are appended to the base URL: a query or fragment would swallow them, userinfo would leak
            throw new IllegalArgumentException(Messages.Client_baseUrlExtras(
                    url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())));
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(Messages.Client_invalidBaseUrl(url));
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(Messages.Client_httpsRequired(url));
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** localhost, 127.0.0.0/8 or ::1, judged from the literal host without any DNS lookup. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
