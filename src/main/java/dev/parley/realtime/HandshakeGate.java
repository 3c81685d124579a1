package dev.parley.realtime;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Hands the HTTP session that opens a WebSocket to the endpoint, which notes the sign-in it holds so that ending
 * the sign-in closes the socket. Authentication and the Origin check happen before this, in the security
 * constraint and {@link OriginCheck}.
 */
public class HandshakeGate extends ServerEndpointConfig.Configurator {

    static final String HTTP_SESSION = "parley.httpSession";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // Since WebSocket 2.1 these user properties are a copy per connection, not shared between handshakes.
        if (request.getHttpSession() instanceof HttpSession session) {
            config.getUserProperties().put(HTTP_SESSION, session);
        }
    }
}
