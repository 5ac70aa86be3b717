package com.tierdesk.customer.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: characters before a bad byte sequence are delivered first, then reading
 * fails with the line of that sequence, so the message points at the line to fix. Counts the bytes
 * consumed for progress reports.
 */
final class StrictDecodingReader extends Reader {

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private long bytesRead;
    private long newlinesDelivered;
    private boolean endOfInput;
    private boolean flushed;
    private FileProblem pending;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    long bytesRead() {
        return bytesRead;
    }

    Charset charset() {
        return charset;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        for (int i = offset; i < offset + n; i++) {
            if (target[i] == '\n') {
                newlinesDelivered++;
            }
        }
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        if (!endOfInput && bytes.remaining() < bytes.capacity() / 2) {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
            }
            bytes.flip();
        }
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
            pending = new FileProblem("problem.import.bad-bytes", newlinesDelivered + countNewlines() + 1, charset.name());
        } else if (endOfInput && result.isUnderflow() && !bytes.hasRemaining()) {
            decoder.flush(chars);
            flushed = true;
        }
        chars.flip();
    }

    private long countNewlines() {
        long n = 0;
        for (int i = 0; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
