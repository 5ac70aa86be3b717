package com.tierdesk.mail.internal;

import com.tierdesk.notification.EmailThread;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/** Reads one RFC 822 message with Jakarta Mail: headers, bodies in their declared charsets, attachments. */
public final class MailParser {

    private static final Session SESSION = Session.getInstance(properties());
    private static final Pattern QUOTE_START = Pattern.compile(
            "^(>.*|On .+wrote:\\s*|在.+写道[:：]\\s*|-{2,}\\s*(Original Message|原始邮件|Forwarded message|转发邮件)\\s*-{2,}\\s*"
                    + "|(发件人|From)[:：] .+)$",
            Pattern.CASE_INSENSITIVE);
    /** RFC 5322's line limit, the column's size; a longer id is replaced by the content's hash. */
    private static final int MAX_MESSAGE_ID = 998;
    private static final Pattern ADDRESS_LIST = Pattern.compile("<[^>]+>");

    private MailParser() {
    }

    /** @throws MessagingException for bytes that are no message */
    public static ParsedMail parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        InternetAddress from = first(message.getFrom());
        var bodies = new Bodies();
        walk(message, bodies);
        String text = bodies.text != null ? bodies.text : bodies.html != null ? plainText(bodies.html) : "";
        String[] folded = fold(text.replace("\r\n", "\n"));
        return new ParsedMail(messageId(message, raw), answers(message),
                from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null ? null : from.getPersonal(), cc(message), subject(message), folded[0], folded[1],
                bodies.html == null ? null : Jsoup.clean(bodies.html, Safelist.basic()), bodies.attachments,
                automatic(message, from));
    }

    /** Why a message is machine-sent, by the headers RFC 3834 and common mailers set; {@code null} for a person's. */
    static String automatic(MimeMessage message, InternetAddress from) throws MessagingException {
        String submitted = header(message, "Auto-Submitted");
        if (submitted != null && !submitted.equalsIgnoreCase("no")) {
            return "auto-submitted";
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply").contains(precedence.toLowerCase(Locale.ROOT))) {
            return "precedence";
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null) {
            return "auto-reply";
        }
        if (header(message, EmailThread.LOOP_HEADER) != null) {
            return "loop";
        }
        if (from != null) {
            String local = from.getAddress().toLowerCase(Locale.ROOT).replaceFirst("@.*", "");
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return "bounce";
            }
        }
        if (message.isMimeType("multipart/report")) {
            return "bounce";
        }
        return null;
    }

    /** Splits the text the sender wrote from the earlier text their mailer quoted below it. */
    static String[] fold(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (QUOTE_START.matcher(lines[i].strip()).matches()) {
                String own = String.join("\n", Arrays.copyOfRange(lines, 0, i)).strip();
                String quoted = String.join("\n", Arrays.copyOfRange(lines, i, lines.length)).strip();
                return own.isEmpty() ? new String[] {text.strip(), null} : new String[] {own, quoted};
            }
        }
        return new String[] {text.strip(), null};
    }

    /**
     * Splits sanitised HTML where the earlier mail quoted below it starts (the first {@code blockquote}, or a line
     * such as {@code On … wrote:} or {@code 在 … 写道：}): the sender's own part, and the quoted part as text; the
     * quoted part is none when nothing is quoted or nothing precedes the quote.
     */
    public static String[] foldHtml(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        Element body = document.body();
        Node start = quoteStart(body);
        if (start == null) {
            return new String[] {html, null};
        }
        List<Integer> path = pathOf(start, body);
        Document quoted = document.clone();
        cutFrom(start, body);
        if (body.text().isBlank()) {
            return new String[] {html, null};
        }
        Node quotedStart = nodeAt(path, quoted.body());
        cutBefore(quotedStart, quoted.body());
        String quotedText = plainText(quoted.body().html());
        return new String[] {body.html(), quotedText.isEmpty() ? null : quotedText};
    }

    /** The first node that starts the quoted earlier mail, in document order. */
    private static Node quoteStart(Element body) {
        var found = new Node[1];
        body.traverse((node, depth) -> {
            if (found[0] != null) {
                return;
            }
            if (node instanceof Element element && element.normalName().equals("blockquote")
                    || node instanceof TextNode text
                    && QUOTE_START.matcher(text.text().replace('\u00a0', ' ').strip()).matches()) {
                found[0] = node;
            }
        });
        return found[0];
    }

    /** Removes the node and everything after it in document order, and the elements that leaves empty. */
    private static void cutFrom(Node start, Element root) {
        for (Node node = start; node != root; node = node.parent()) {
            while (node.nextSibling() != null) {
                node.nextSibling().remove();
            }
        }
        Node parent = start.parent();
        start.remove();
        while (parent != root && parent.childNodeSize() == 0) {
            Node emptied = parent;
            parent = parent.parent();
            emptied.remove();
        }
    }

    /** Removes everything before the node in document order. */
    private static void cutBefore(Node start, Element root) {
        for (Node node = start; node != root; node = node.parent()) {
            while (node.previousSibling() != null) {
                node.previousSibling().remove();
            }
        }
    }

    private static List<Integer> pathOf(Node node, Element root) {
        var path = new ArrayList<Integer>();
        for (Node at = node; at != root; at = at.parent()) {
            path.add(0, at.siblingIndex());
        }
        return path;
    }

    private static Node nodeAt(List<Integer> path, Element root) {
        Node node = root;
        for (int index : path) {
            node = node.childNode(index);
        }
        return node;
    }

    static String plainText(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        document.select("br").before("\\n");
        document.select("p, div, li, tr, blockquote").before("\\n");
        document.select("blockquote").prepend(">");
        String text = Jsoup.clean(document.body().html(), "", Safelist.none(), document.outputSettings());
        return Parser.unescapeEntities(text.replace("\\n", "\n"), false).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void walk(Part part, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, bodies);
            }
            return;
        }
        String fileName = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attached && part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = text(part);
        } else if (!attached && part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = text(part);
        } else if (attached || !part.isMimeType("text/*")) {
            byte[] content = part.getInputStream().readAllBytes();
            String type = part.getContentType() == null ? "application/octet-stream"
                    : part.getContentType().replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
            bodies.attachments.add(new ParsedMail.Part(fileName == null ? "attachment" : fileName, type, content));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        return content instanceof String string ? string
                : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject.strip();
    }

    private static String messageId(MimeMessage message, byte[] raw) throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank() && id.strip().length() <= MAX_MESSAGE_ID) {
            return id.strip();
        }
        try {
            // A message without a usable id is known by its content, so the same bytes delivered twice are taken once.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<" + HexFormat.of().formatHex(digest) + "@tierdesk.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the messages this one answers: In-Reply-To first, then References, newest first. */
    private static List<String> answers(MimeMessage message) throws MessagingException {
        var ids = new ArrayList<String>();
        for (String name : List.of("In-Reply-To", "References")) {
            String value = header(message, name);
            if (value != null) {
                var found = new ArrayList<String>(ADDRESS_LIST.matcher(value).results().map(MatchResult::group).toList());
                if (name.equals("References")) {
                    Collections.reverse(found);
                }
                ids.addAll(found);
            }
        }
        return ids.stream().distinct().toList();
    }

    private static List<ParsedMail.Copied> cc(MimeMessage message) throws MessagingException {
        return copied(message.getRecipients(Message.RecipientType.CC));
    }

    /** The CC addresses as {@link #ccHeader} wrote them; an unreadable value holds none. */
    public static List<ParsedMail.Copied> cc(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return copied(InternetAddress.parseHeader(header, false));
        } catch (AddressException e) {
            return List.of();
        }
    }

    /** The CC addresses as one header value, with their names, for {@link #cc(String)} to read back. */
    public static String ccHeader(List<ParsedMail.Copied> cc) {
        return cc.stream().map(copied -> {
            try {
                return new InternetAddress(copied.email(), copied.name(), StandardCharsets.UTF_8.name()).toUnicodeString();
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining(", "));
    }

    private static List<ParsedMail.Copied> copied(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        var seen = new HashSet<String>();
        return Arrays.stream(addresses).filter(InternetAddress.class::isInstance).map(InternetAddress.class::cast)
                .filter(address -> address.getAddress() != null && seen.add(address.getAddress().toLowerCase(Locale.ROOT)))
                .map(address -> new ParsedMail.Copied(address.getAddress().toLowerCase(Locale.ROOT),
                        address.getPersonal() == null || address.getPersonal().isBlank() ? null
                                : address.getPersonal().strip()))
                .toList();
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }

    private static InternetAddress first(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        return Arrays.stream(addresses).filter(InternetAddress.class::isInstance).map(InternetAddress.class::cast)
                .findFirst().orElse(null);
    }

    private static Properties properties() {
        var properties = new Properties();
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        // Mailers that speak SMTPUTF8 write headers in raw UTF-8.
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    private static final class Bodies {
        String text;
        String html;
        final List<ParsedMail.Part> attachments = new ArrayList<>();
    }
}
