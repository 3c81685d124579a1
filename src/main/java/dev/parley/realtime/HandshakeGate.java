package dev.parley.realtime;

import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Notes which HTTP session opened a WebSocket, so that signing out can close it. Authentication and the Origin
 * check happen before this, in the security constraint and {@link OriginCheck}.
 */
public class HandshakeGate extends ServerEndpointConfig.Configurator {

    static final String HTTP_SESSION_ID = "parley.httpSessionId";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // Since WebSocket 2.1 these user properties are a copy per connection, not shared between handshakes.
        if (request.getHttpSession() instanceof HttpSession session) {
            config.getUserProperties().put(HTTP_SESSION_ID, session.getId());
        }
    }
}
