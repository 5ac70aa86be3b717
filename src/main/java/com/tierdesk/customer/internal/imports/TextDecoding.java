package com.tierdesk.customer.internal.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an import file as text: the declared charset when there is one, else UTF-8 when the file
 * starts with a byte-order mark or its first block is valid UTF-8, else GB18030 (a superset of GBK,
 * which Chinese Excel exports use).
 */
final class TextDecoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextDecoding() {
    }

    static StrictDecodingReader open(Path file, Charset declared) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF_BYTES);
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            boolean bom = startsWithBom(head);
            if (bom && (declared == null || declared.equals(StandardCharsets.UTF_8))) {
                in.skipNBytes(UTF8_BOM.length);
                return new StrictDecodingReader(in, StandardCharsets.UTF_8);
            }
            Charset charset = declared != null ? declared : validUtf8(head, head.length < SNIFF_BYTES)
                    ? StandardCharsets.UTF_8 : GB18030;
            return new StrictDecodingReader(in, charset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static boolean startsWithBom(byte[] head) {
        return head.length >= 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
    }

    /** Whether the block decodes as UTF-8; a sequence cut off at the end of a partial block does not count against it. */
    private static boolean validUtf8(byte[] block, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(block.length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(block), out, wholeFile);
        return !result.isError();
    }
}
