package io.jenkins.plugins.netmind.steps;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment variables {@code withNetmindEndpoint} gives its body: {@code <prefix>_ENDPOINT_URL}, {@code
 * <prefix>_SERVICE_ID} and {@code <prefix>_ENDPOINT_NAME}. A prefix per block lets one build hold several endpoints.
 */
public final class EndpointVariables implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The prefix used when none is given. */
    public static final String DEFAULT_PREFIX = "NETMIND";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String prefix;

    private EndpointVariables(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Variables named with {@code prefix}; null or blank means {@link #DEFAULT_PREFIX}.
     *
     * @throws IllegalArgumentException when the prefix cannot start an environment variable name
     */
    public static EndpointVariables withPrefix(String prefix) {
        String cleaned = prefixOrDefault(prefix);
        if (!NAME.matcher(cleaned).matches()) {
            throw new IllegalArgumentException(Messages.EndpointVariables_prefixInvalid(cleaned));
        }
        return new EndpointVariables(cleaned);
    }

    /** The trimmed {@code prefix}, or {@link #DEFAULT_PREFIX} when it is null or blank; not checked. */
    public static String prefixOrDefault(String prefix) {
        String cleaned = EndpointSettings.clean(prefix);
        return cleaned == null ? DEFAULT_PREFIX : cleaned;
    }

    public String urlVariable() {
        return prefix + "_ENDPOINT_URL";
    }

    public String serviceIdVariable() {
        return prefix + "_SERVICE_ID";
    }

    public String nameVariable() {
        return prefix + "_ENDPOINT_NAME";
    }

    /** The variables and their values, in a stable order. */
    public Map<String, String> values(String url, String serviceId, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(urlVariable(), url);
        values.put(serviceIdVariable(), serviceId);
        values.put(nameVariable(), name);
        return Collections.unmodifiableMap(values);
    }
}
