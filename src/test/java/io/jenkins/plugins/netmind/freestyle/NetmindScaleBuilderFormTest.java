package io.jenkins.plugins.netmind.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every field of the scale build step's page has its help, and the step has its own. */
class NetmindScaleBuilderFormTest {

    private static final String OWN = "/io/jenkins/plugins/netmind/freestyle/NetmindScaleBuilder/";

    private static String resource(String path) throws IOException {
        try (InputStream in = NetmindScaleBuilder.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyFieldHasHelp() throws IOException {
        List<String> fields = new ArrayList<>();
        Matcher m = Pattern.compile("field=\"(\\w+)\"").matcher(resource(OWN + "config.jelly"));
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertEquals(List.of("instances", "wait", "serviceId", "credentialsId", "timeoutMinutes"), fields);
        for (String field : fields) {
            assertTrue(resource(OWN + "help-" + field + ".html").contains("<div>"), field);
        }
        assertTrue(resource(OWN + "help.html").contains("netmindScale"));
    }
}
