package dev.parley.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload on its way to the store, counted: reading past {@code max} bytes fails with {@link TooLong}. */
final class CountingStream extends FilterInputStream {

    private final long max;
    private long count;

    CountingStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("An upload is read whole");
    }

    private void counted(int bytes) throws TooLong {
        count += bytes;
        if (count > max) {
            throw new TooLong();
        }
    }

    /** More bytes came than the limit allows. */
    static final class TooLong extends IOException {
        TooLong() {
            super("The upload is larger than the limit", null);
        }
    }
}
