package com.tierdesk.sla.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.SlaCalendars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;

/**
 * A holiday file as it arrives, upload or request body: read only up to the size a holiday file can have, its
 * name held to the text rules (it becomes the recorded source when none is given).
 */
final class HolidayUpload {

    private HolidayUpload() {
    }

    /** The uploaded file's name, refused (as {@code file}) if it carries control characters or is too long. */
    static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        TextRules.line(name, 255).ifPresent(reason -> {
            throw InvalidInput.of("file", "problem.holidays.file-name", reason);
        });
        return name == null ? null : name.strip();
    }

    static String text(MultipartFile file) throws IOException {
        if (file.getSize() > SlaCalendars.MAX_FILE_BYTES) {
            throw InvalidInput.of("file", SlaCalendars.tooLarge());
        }
        try (InputStream in = file.getInputStream()) {
            return text(in);
        }
    }

    /** The body as UTF-8 text; refused unread past the largest holiday file. */
    static String text(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(SlaCalendars.MAX_FILE_BYTES + 1);
        if (bytes.length > SlaCalendars.MAX_FILE_BYTES) {
            throw InvalidInput.of("file", SlaCalendars.tooLarge());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
