package com.tierdesk.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw RFC 822 messages as mailers write them, with Chinese in a chosen charset and transfer encoding. */
final class RawMail {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "";

    private RawMail(String from, String messageId) {
        headers.put("From", from);
        headers.put("To", "service@tierdesk.example");
        headers.put("Message-ID", messageId);
        headers.put("Date", "Fri, 27 Nov 2026 10:00:00 +0800");
        headers.put("MIME-Version", "1.0");
    }

    static RawMail from(String from, String messageId) {
        return new RawMail(from, messageId);
    }

    RawMail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The subject as an RFC 2047 encoded word in {@code charset}, base64 ("B") or quoted-printable ("Q"). */
    RawMail subject(String subject, String charset, String encoding) {
        byte[] bytes = subject.getBytes(Charset.forName(charset));
        String word = encoding.equals("B") ? Base64.getEncoder().encodeToString(bytes) : qp(bytes, true);
        return header("Subject", "=?" + charset + "?" + encoding + "?" + word + "?=");
    }

    /** A text/plain body in {@code charset}, its bytes as base64, quoted-printable or 8bit. */
    RawMail text(String text, String charset, String transfer) {
        return part("text/plain", text, charset, transfer);
    }

    RawMail part(String type, String text, String charset, String transfer) {
        headers.put("Content-Type", type + "; charset=" + charset);
        headers.put("Content-Transfer-Encoding", transfer);
        body = encoded(text.getBytes(Charset.forName(charset)), transfer);
        return this;
    }

    /** A multipart/mixed body: the text/html body in UTF-8 and one attachment. */
    RawMail htmlWithAttachment(String html, String fileName, byte[] content) {
        headers.put("Content-Type", "multipart/mixed; boundary=\"b1\"");
        headers.remove("Content-Transfer-Encoding");
        body = "--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + encoded(html.getBytes(StandardCharsets.UTF_8), "base64")
                + "\r\n--b1\r\nContent-Type: application/pdf; name=\"x.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"=?UTF-8?B?"
                + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)) + "?=\"\r\n\r\n"
                + encoded(content, "base64") + "\r\n--b1--\r\n";
        return this;
    }

    byte[] bytes() {
        var out = new ByteArrayOutputStream();
        var head = new StringBuilder();
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The bytes as the transfer encoding writes them, each byte one ISO-8859-1 character. */
    private static String encoded(byte[] bytes, String transfer) {
        return switch (transfer) {
            case "base64" -> Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
            case "quoted-printable" -> qp(bytes, false);
            default -> new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
        };
    }

    private static String qp(byte[] bytes, boolean word) {
        var out = new StringBuilder();
        int line = 0;
        for (byte b : bytes) {
            int value = b & 0xff;
            String piece;
            if (value == '\n' && !word) {
                out.append("\r\n");
                line = 0;
                continue;
            }
            if (value == '\r') {
                continue;
            }
            boolean plain = value >= 33 && value <= 126 && value != '=' && value != '?' && value != '_';
            piece = plain ? String.valueOf((char) value) : word && value == ' ' ? "_" : String.format("=%02X", value);
            if (!word && line + piece.length() > 75) {
                out.append("=\r\n");
                line = 0;
            }
            out.append(piece);
            line += piece.length();
        }
        return out.toString();
    }
}
