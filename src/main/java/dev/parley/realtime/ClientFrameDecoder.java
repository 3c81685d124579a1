package dev.parley.realtime;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/** Hands {@code /ws} text frames to {@link FrameCodec}; a frame it cannot read reaches the endpoint's error path. */
public class ClientFrameDecoder implements Decoder.Text<ClientFrame> {

    @Override
    public ClientFrame decode(String text) throws DecodeException {
        try {
            return FrameCodec.decode(text);
        } catch (FrameCodec.MalformedFrame malformed) {
            throw new DecodeException(text, malformed.getMessage());
        }
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
