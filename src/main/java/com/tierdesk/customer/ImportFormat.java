package com.tierdesk.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** File formats the bulk import reads. */
public enum ImportFormat {
    CSV, JSON, XLSX;

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The format of a file without a declared one: {@code .xlsx} by its name or its zip signature, {@code .json} by its name, else CSV. */
    public static ImportFormat detect(Path file, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP.length), ZIP) ? XLSX : CSV;
        } catch (IOException e) {
            return CSV; // the import itself reports the file it cannot read
        }
    }
}
