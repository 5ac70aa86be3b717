package com.tierdesk.customer.internal.imports;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.Reason;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON file holding an array of objects whose property names are TierDesk fields (or mapped to them),
 * read token by token so that the array is never held in memory. Arrays of values (tags) are joined with {@code ;}.
 * Whatever the parser cannot read, including what exceeds its limits (nesting, lengths), refuses the file.
 */
final class JsonRowSource implements RowSource {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StrictDecodingReader reader;
    private final JsonParser parser;
    private final List<String> fields;
    private final ColumnMapping mapping;
    private final Map<String, int[]> targets = new HashMap<>();
    private final Set<String> present = new LinkedHashSet<>();
    private long element;

    JsonRowSource(StrictDecodingReader reader, List<String> fields, ColumnMapping mapping) {
        this.reader = reader;
        this.fields = fields;
        this.mapping = mapping;
        this.parser = FACTORY.createParser(ObjectReadContext.empty(), reader);
        JsonToken first = read(this::token);
        if (first == null) {
            throw new FileProblem("problem.import.empty-json");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new FileProblem("problem.import.not-array", first.asString());
        }
    }

    @Override
    public RawRow next() {
        return read(this::element);
    }

    private RawRow element() {
        JsonToken token = token();
        if (token == JsonToken.END_ARRAY) {
            return null;
        }
        if (token == null) {
            throw new FileProblem("problem.import.array-open");
        }
        element++;
        if (token != JsonToken.START_OBJECT) {
            skip(token);
            return new RawRow(element, new String[fields.size()], Reason.of("problem.json.object"));
        }
        String[] values = new String[fields.size()];
        Reason problem = null;
        for (token = token(); token == JsonToken.PROPERTY_NAME; token = token()) {
            String name = parser.currentName();
            int[] fieldIndexes = targets.computeIfAbsent(name, this::resolve);
            JsonToken valueToken = token();
            String value = switch (valueToken) {
                case VALUE_NULL -> null;
                case START_ARRAY -> joinArray();
                case START_OBJECT -> {
                    parser.skipChildren();
                    problem = Reason.of("problem.import.object-value", ApiProblems.echo(name));
                    yield null;
                }
                default -> parser.getString().strip();
            };
            for (int field : fieldIndexes) {
                present.add(fields.get(field));
                if (value != null && !value.isEmpty()) {
                    values[field] = value;
                }
            }
        }
        return new RawRow(element, values, problem);
    }

    private int[] resolve(String name) {
        int[] resolved = mapping.targets(name);
        if (resolved == null) {
            throw new FileProblem("problem.import.element", element, mapping.unknownColumns(List.of(name)));
        }
        return resolved;
    }

    private String joinArray() {
        StringJoiner joined = new StringJoiner(";");
        for (JsonToken token = token(); token != JsonToken.END_ARRAY; token = token()) {
            if (token.isStructStart()) {
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                joined.add(parser.getString());
            }
        }
        return joined.toString();
    }

    private void skip(JsonToken token) {
        if (token != null && token.isStructStart()) {
            parser.skipChildren();
        }
    }

    private JsonToken token() {
        return parser.nextToken();
    }

    private <T> T read(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (JacksonException e) {
            throw new FileProblem("problem.import.not-json", parser.currentLocation().getLineNr(),
                    ApiProblems.echo(e.getOriginalMessage()));
        }
    }

    @Override
    public Set<String> presentFields() {
        return present;
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public String encoding() {
        return reader.charset().name();
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
