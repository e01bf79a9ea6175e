package io.jenkins.plugins.netmind.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The wrapper's configuration page is the steps' shared settings page plus the variable prefix: every field of that
 * page must be a property of the wrapper (or the page shows nothing and saves nothing) and must have help.
 */
class NetmindEndpointBuildWrapperFormTest {

    private static final String SHARED_PAGE = "/io/jenkins/plugins/netmind/steps/EndpointStep/endpoint-settings.jelly";
    private static final String SHARED_HELP = "/io/jenkins/plugins/netmind/steps/EndpointStep/help-";
    private static final String OWN = "/io/jenkins/plugins/netmind/freestyle/NetmindEndpointBuildWrapper/";
    private static final Pattern FIELD = Pattern.compile("field=\"(\\w+)\"");

    private static String resource(String path) throws IOException {
        try (InputStream in = NetmindEndpointBuildWrapper.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> fields(String jelly) {
        List<String> fields = new ArrayList<>();
        Matcher m = FIELD.matcher(jelly);
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    private static String capitalized(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    @Test
    void theSharedFieldsAreExactlyTheFieldsOfTheSharedPage() throws IOException {
        assertEquals(
                new TreeSet<>(fields(resource(SHARED_PAGE))),
                new TreeSet<>(NetmindEndpointBuildWrapper.SHARED_FIELDS),
                "help is redirected for SHARED_FIELDS only");
    }

    @Test
    void theConfigPageIncludesTheSharedPageAndAddsThePrefix() throws IOException {
        String config = resource(OWN + "config.jelly");
        assertTrue(config.contains("page=\"endpoint-settings.jelly\""), config);
        assertEquals(List.of("variablePrefix"), fields(config));
    }

    @Test
    void everyFieldIsAPropertyOfTheWrapper() throws IOException {
        List<String> all = new ArrayList<>(fields(resource(SHARED_PAGE)));
        all.add("variablePrefix");
        Set<String> methods = new TreeSet<>();
        for (Method m : NetmindEndpointBuildWrapper.class.getMethods()) {
            methods.add(m.getName() + (m.isAnnotationPresent(DataBoundSetter.class) ? "@" : ""));
        }
        List<String> missing = new ArrayList<>();
        for (String field : all) {
            String name = capitalized(field);
            if (!methods.contains("get" + name) && !methods.contains("is" + name)) {
                missing.add("get/is" + name);
            }
            if (!field.equals("image") && !methods.contains("set" + name + "@")) {
                missing.add("@DataBoundSetter set" + name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyFieldHasHelp() throws IOException {
        for (String field : NetmindEndpointBuildWrapper.SHARED_FIELDS) {
            assertTrue(resource(SHARED_HELP + field + ".html").contains("<div>"), field);
        }
        assertTrue(resource(OWN + "help-variablePrefix.html").contains("JUDGE_ENDPOINT_URL"));
        String help = resource(OWN + "help.html");
        for (String variable : Arrays.asList("NETMIND_ENDPOINT_URL", "NETMIND_SERVICE_ID", "NETMIND_ENDPOINT_NAME")) {
            assertTrue(help.contains(variable), variable);
        }
    }
}
