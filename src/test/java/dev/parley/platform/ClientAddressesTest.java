package dev.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheConnectionsAddressIsTheClients() {
        assertEquals("203.0.113.9", ClientAddresses.of("203.0.113.9", "198.51.100.1", List.of()));
    }

    @Test
    void behindATrustedProxyTheAddressItSawIsTheClients() {
        assertEquals("198.51.100.7", ClientAddresses.of("10.0.0.2", "198.51.100.7", List.of("10.0.0.2")));
    }

    @Test
    void whatAClientWroteIntoTheHeaderItselfIsNotBelieved() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
        assertEquals("198.51.100.7", ClientAddresses.of("10.0.0.2", "1.2.3.4, 198.51.100.7", List.of("10.0.0.2")));
        assertEquals("198.51.100.7", ClientAddresses.of("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3",
                List.of("10.0.0.2", "10.0.0.3")), "through two trusted proxies");
    }

    @Test
    void theHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("203.0.113.9", ClientAddresses.of("203.0.113.9", "10.0.0.2", List.of("10.0.0.2")));
    }
}
