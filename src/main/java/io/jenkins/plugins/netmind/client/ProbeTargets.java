package io.jenkins.plugins.netmind.client;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which URLs a readiness probe may call: never a link-local or cloud-metadata address (a hostile or broken
 * {@code endpoint_metadata} must not make the controller read its cloud credentials), and the token only over https
 * or to a loopback host. Judged from the URL's literal host, without any DNS lookup.
 */
final class ProbeTargets {

    /** Host names of cloud metadata services. */
    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal");

    /** Literal metadata addresses outside 169.254.0.0/16 and fe80::/10 (Alibaba, Oracle, AWS IPv6). */
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "192.0.0.192", "fd00:ec2::254");

    private ProbeTargets() {}

    /** Null when the probe may go ahead, else the message that says why not. */
    static String refusal(URI url, boolean sendToken) {
        String host = url.getHost();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String shown =
                url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
        if (host == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return Messages.Probe_invalidUrl(shown);
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (isLinkLocalOrMetadata(h)) {
            return Messages.Probe_linkLocal(shown);
        }
        if (sendToken && !scheme.equals("https") && !BaseUrls.isLoopback(h)) {
            return Messages.Probe_tokenOverHttp(shown);
        }
        return null;
    }

    static boolean isLinkLocalOrMetadata(String host) {
        if (METADATA_HOSTS.contains(host) || METADATA_ADDRESSES.contains(host)) {
            return true;
        }
        if (host.matches("169\\.254\\.\\d{1,3}\\.\\d{1,3}")) {
            return true;
        }
        // fe80::/10 (fe80 to febf), and an IPv4-mapped link-local address
        return host.matches("fe[89ab][0-9a-f]:.*") || host.matches("(0{0,4}:){0,5}:?ffff:169\\.254\\..*");
    }
}
