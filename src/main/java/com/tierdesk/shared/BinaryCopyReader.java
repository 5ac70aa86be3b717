package com.tierdesk.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads the rows of a PostgreSQL {@code COPY ... TO STDOUT (FORMAT binary)}: each field is a length, then the value,
 * big-endian. For reading a million rows at once: from its own buffer, far cheaper than a DataInputStream (whose every
 * byte passes through a synchronised buffered stream) and than the driver's rows (an object per row and per field).
 */
public final class BinaryCopyReader implements AutoCloseable {

    private static final int HEADER = 11 + 4 + 4;
    private static final int REMEMBERED_TEXTS = 256;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final List<byte[]> textKeys = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private int position;
    private int limit;

    /** Starts the COPY (a query ending in {@code TO STDOUT (FORMAT binary)}) on the connection. */
    public BinaryCopyReader(Connection connection, String copy) throws SQLException, IOException {
        this.in = new PGCopyInputStream(connection.unwrap(PGConnection.class), copy);
        skip(HEADER);
    }

    /** Moves to the next row: {@code false} after the last. */
    public boolean nextRow() throws IOException {
        return int2() != -1;
    }

    /** The length word of the next field: -1 for NULL. */
    public int length() throws IOException {
        return raw4();
    }

    /** The next field, a {@code bigint}: {@code nullValue} for NULL. */
    public long int8(long nullValue) throws IOException {
        return length() < 0 ? nullValue : raw8();
    }

    /** The next field, a {@code double precision}: NaN for NULL. */
    public double float8() throws IOException {
        return length() < 0 ? Double.NaN : Double.longBitsToDouble(raw8());
    }

    /** The next field, a {@code boolean}: {@code false} for NULL. */
    public boolean bool() throws IOException {
        if (length() < 0) {
            return false;
        }
        require(1);
        return buffer[position++] != 0;
    }

    /**
     * The next field, a text: {@code null} for NULL. Values that repeat (industries, tier codes) cost no new string:
     * the bytes are matched against the few distinct values seen so far; past a few hundred it stops remembering.
     */
    public String text() throws IOException {
        int length = length();
        if (length < 0) {
            return null;
        }
        require(length);
        String value = remembered(position, length);
        position += length;
        return value;
    }

    /** Four bytes of a field's value. */
    public int raw4() throws IOException {
        require(4);
        int value = (buffer[position] & 0xff) << 24 | (buffer[position + 1] & 0xff) << 16
                | (buffer[position + 2] & 0xff) << 8 | buffer[position + 3] & 0xff;
        position += 4;
        return value;
    }

    /** Eight bytes of a field's value. */
    public long raw8() throws IOException {
        long high = raw4() & 0xffffffffL;
        long low = raw4() & 0xffffffffL;
        return high << 32 | low;
    }

    private short int2() throws IOException {
        require(2);
        short value = (short) ((buffer[position] & 0xff) << 8 | buffer[position + 1] & 0xff);
        position += 2;
        return value;
    }

    private void skip(int bytes) throws IOException {
        require(bytes);
        position += bytes;
    }

    private String remembered(int from, int length) {
        for (int i = 0; i < textKeys.size(); i++) {
            byte[] key = textKeys.get(i);
            if (key.length == length && Arrays.equals(key, 0, length, buffer, from, from + length)) {
                return texts.get(i);
            }
        }
        String value = new String(buffer, from, length, StandardCharsets.UTF_8);
        if (textKeys.size() < REMEMBERED_TEXTS) {
            textKeys.add(Arrays.copyOfRange(buffer, from, from + length));
            texts.add(value);
        }
        return value;
    }

    private void require(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        if (bytes > buffer.length) {
            throw new IOException("a COPY field of " + bytes + " bytes is larger than the reader's buffer");
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new IOException("the COPY stream ended in the middle of a row");
            }
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
