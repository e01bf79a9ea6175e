package io.jenkins.plugins.netmind.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SharedHttpClientTest {

    private final AtomicReference<Object> proxySettings = new AtomicReference<>(new Object());
    private final AtomicInteger built = new AtomicInteger();
    private final SharedHttpClient shared = new SharedHttpClient(proxySettings::get, () -> {
        built.incrementAndGet();
        return HttpClient.newHttpClient();
    });

    @Test
    void everyConnectionGetsTheSameClientWhileTheProxySettingsStay() {
        HttpClient first = shared.get();
        for (int i = 0; i < 100; i++) {
            assertSame(first, shared.get());
        }
        assertEquals(1, built.get());
    }

    @Test
    void newProxySettingsGiveANewClient() {
        HttpClient before = shared.get();
        proxySettings.set(new Object());
        HttpClient after = shared.get();
        assertNotSame(before, after);
        assertSame(after, shared.get());
        assertEquals(2, built.get());
    }

    @Test
    void noProxyConfiguredIsASettingToo() {
        proxySettings.set(null);
        HttpClient first = shared.get();
        assertSame(first, shared.get());
        assertEquals(1, built.get());
    }
}
