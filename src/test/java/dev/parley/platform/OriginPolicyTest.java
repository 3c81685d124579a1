package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void anOriginLeavesOutThePathAndTheSchemesDefaultPort() {
        assertEquals("https://chat.example.com", OriginPolicy.originOf(URI.create("https://chat.example.com/")));
        assertEquals("https://chat.example.com", OriginPolicy.originOf(URI.create("https://chat.example.com:443/x")));
        assertEquals("http://chat.example.com:8080", OriginPolicy.originOf(URI.create("http://chat.example.com:8080")));
    }
}
