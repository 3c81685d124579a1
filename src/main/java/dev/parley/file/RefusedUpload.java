package dev.parley.file;

import dev.parley.platform.ParleyException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;

/**
 * An upload refused before its body was read to the end: the rest of the body is not read, so the connection
 * closes after the answer, or what is left of the body would be read as the next request.
 */
final class RefusedUpload {

    private RefusedUpload() {
    }

    static <T> T closesConnection(HttpServletResponse response, Supplier<T> upload) {
        try {
            return upload.get();
        } catch (ParleyException refused) {
            response.setHeader("Connection", "close");
            throw refused;
        }
    }
}
