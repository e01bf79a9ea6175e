package io.jenkins.plugins.netmind.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingChecksTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://api.netmind.ai",
                "https://api.netmind.ai/",
                "https://gateway.example.com:8443/netmind",
                "http://127.0.0.1:8080",
                "http://127.1.2.3",
                "http://localhost:9000/",
                "http://[::1]:8080",
                "  https://api.netmind.ai  "
            })
    void acceptsHttpsAnywhereAndHttpOnLoopback(String url) {
        assertEquals(Optional.empty(), SettingChecks.apiUrl(url));
    }

    @Test
    void refusesPlainHttpToARemoteHostAndSaysWhy() {
        String message = SettingChecks.apiUrl("http://api.netmind.ai").orElseThrow();
        assertTrue(message.contains("must use https"), message);
        assertTrue(message.contains("http://api.netmind.ai"), message);
        assertTrue(message.contains("loopback"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.evil.com", "http://localhost.example.com", "http://10.0.0.1", "http://[::2]"})
    void doesNotMistakeLookalikesForLoopback(String url) {
        assertTrue(SettingChecks.apiUrl(url).orElseThrow().contains("must use https"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.netmind.ai", "ftp://api.netmind.ai", "https//api", "https://", "ht tp://x"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertFalse(SettingChecks.apiUrl(url).isEmpty(), url);
    }

    @Test
    void blankUrlAsksForOne() {
        assertTrue(SettingChecks.apiUrl("  ").orElseThrow().contains("https://api.netmind.ai"));
        assertTrue(SettingChecks.apiUrl(null).isPresent());
    }

    @Test
    void parseGivesTheTrimmedUriOrThrowsTheSameMessage() {
        assertEquals(URI.create("https://api.netmind.ai"), SettingChecks.parseApiUrl(" https://api.netmind.ai "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SettingChecks.parseApiUrl("http://example.com"));
        assertEquals(SettingChecks.apiUrl("http://example.com").orElseThrow(), e.getMessage());
    }

    @Test
    void timeoutMustBeAWholePositiveNumber() {
        assertEquals(Optional.empty(), SettingChecks.timeoutMinutes("30"));
        assertEquals(Optional.empty(), SettingChecks.timeoutMinutes(" 1 "));
        assertTrue(SettingChecks.timeoutMinutes("0").orElseThrow().contains("at least 1"));
        assertTrue(SettingChecks.timeoutMinutes("-5").isPresent());
        assertTrue(SettingChecks.timeoutMinutes("ten").orElseThrow().contains("\"ten\""));
        assertTrue(SettingChecks.timeoutMinutes(null).isPresent());
    }

    @Test
    void readinessPathIsEmptyOrStartsWithASlash() {
        assertEquals(Optional.empty(), SettingChecks.readinessPath(""));
        assertEquals(Optional.empty(), SettingChecks.readinessPath(null));
        assertEquals(Optional.empty(), SettingChecks.readinessPath("/health"));
        assertEquals(Optional.empty(), SettingChecks.readinessPath("/v1/models?ready=1"));
        assertTrue(SettingChecks.readinessPath("health").orElseThrow().contains("starts with a slash"));
        assertTrue(SettingChecks.readinessPath("https://x/health").isPresent());
        assertTrue(SettingChecks.readinessPath("/a b").isPresent());
    }

    @Test
    void blankToNull() {
        assertEquals(null, SettingChecks.blankToNull(null));
        assertEquals(null, SettingChecks.blankToNull(" \t"));
        assertEquals("id", SettingChecks.blankToNull(" id "));
    }
}
