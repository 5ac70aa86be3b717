package com.tierdesk.customer.internal.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A text file whose fields are separated by runs of spaces or tabs, with a header line (e.g. the CDNOW data). */
final class WhitespaceRowSource implements RowSource {

    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final StrictDecodingReader decoder;
    private final BufferedReader reader;
    private final TabularRows rows;
    private long line;

    WhitespaceRowSource(StrictDecodingReader decoder, List<String> fields, ColumnMapping mapping) {
        this.decoder = decoder;
        this.reader = new BufferedReader(decoder, 64 * 1024);
        List<String> header = nextCells();
        if (header == null) {
            throw new FileProblem("problem.import.empty");
        }
        this.rows = new TabularRows(fields, mapping, header);
    }

    @Override
    public RawRow next() {
        List<String> cells = nextCells();
        return cells == null ? null : rows.row(line, cells);
    }

    private List<String> nextCells() {
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
                if (text == null) {
                    return null;
                }
                text = text.replace("\uFEFF", "").strip();
            } while (text.isEmpty());
            return Arrays.asList(BLANKS.split(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> presentFields() {
        return rows.present();
    }

    @Override
    public long bytesRead() {
        return decoder.bytesRead();
    }

    @Override
    public List<String> columns() {
        return rows.header();
    }

    @Override
    public String encoding() {
        return decoder.charset().name();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
