package dev.parley.realtime;

import dev.parley.account.AccessTokens;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Records which sign-in opens a WebSocket, for the endpoint: the HTTP session of the handshake (whose sign-in the
 * endpoint notes, so that ending the sign-in closes the socket), or for a socket opened with a personal access
 * token, the token's sign-in id. Authentication and the Origin check happen before this, in the security
 * constraint and {@link OriginCheck}.
 */
public class HandshakeSignIn extends ServerEndpointConfig.Configurator {

    static final String HTTP_SESSION = "parley.httpSession";
    static final String TOKEN_SIGN_IN = "parley.tokenSignIn";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        // Since WebSocket 2.1 these user properties are a copy per connection, not shared between handshakes.
        List<String> authorization = request.getHeaders().get("Authorization");
        String bearer = authorization == null || authorization.isEmpty() ? null
                : AccessTokens.secretIn(authorization.get(0));
        if (bearer != null) {
            // A bot's socket: it belongs to the token (revoking it closes the socket), not to any session.
            config.getUserProperties().put(TOKEN_SIGN_IN, AccessTokens.signInIdOf(bearer));
        } else if (request.getHttpSession() instanceof HttpSession session) {
            config.getUserProperties().put(HTTP_SESSION, session);
        }
    }
}
