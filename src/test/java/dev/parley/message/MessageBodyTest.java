package dev.parley.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.platform.ErrorCode;
import dev.parley.platform.ParleyException;
import org.junit.jupiter.api.Test;

class MessageBodyTest {

    @Test
    void isTrimmed() {
        assertEquals("hello", MessageBody.of("  hello \n", 10).text());
    }

    @Test
    void emptyIsABadRequest() {
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ParleyException.class, () -> MessageBody.of(" \t\n", 10)).code());
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(ParleyException.class, () -> MessageBody.of(null, 10)).code());
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String emoji = "😀".repeat(10);
        assertEquals(emoji, MessageBody.of(emoji, 10).text());
        assertEquals(ErrorCode.TOO_LARGE, assertThrows(ParleyException.class, () -> MessageBody.of(emoji + "!", 10)).code());
    }
}
