import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The inbound mail benchmark's messages and both ends that deliver them, run as a single-file program on the test
 * classpath (GreenMail, Jakarta Mail).
 *
 * <pre>
 * java MailLoad.java serve SMTP_PORT IMAP_PORT COUNT CUSTOMERS EXPECTED   # GreenMail with COUNT messages in INBOX
 * java MailLoad.java fetch IMAP_PORT                                      # the poller's IMAP work alone
 * java MailLoad.java post URL SECRET COUNT CUSTOMERS CLIENTS              # the same messages to the webhook
 * </pre>
 *
 * CUSTOMERS is a file of the known customers' addresses, one a line. The messages are the same on every run for the
 * same count and customers; message n is, by n modulo 10:
 * <ul>
 * <li>0, 1, 2: a new mail from a known customer, Chinese (UTF-8, base64 body) or English (US-ASCII, 7bit);</li>
 * <li>3: a new mail in Chinese, GBK: the subject an encoded word in base64, the body quoted-printable;</li>
 * <li>4: a new mail with a plain and an HTML body (multipart/alternative, UTF-8, quoted-printable);</li>
 * <li>9: a new mail in Chinese, GB18030 in base64, with one or two addresses in CC;</li>
 * <li>5, 7: the customer's answer to one of their earlier new mails (In-Reply-To and References, the earlier text
 *     quoted), in the language of that mail; 6 the same in GBK, quoted-printable;</li>
 * <li>8: a mail from an address that is no customer's contact (UTF-8, 8bit): it waits in triage.</li>
 * </ul>
 * Each answer refers to a different earlier new mail, one of the last hundred not answered yet. {@code serve} starts
 * GreenMail (SMTP and IMAP, no TLS) with the service mailbox {@code service}/{@code secret}, puts the messages in its
 * INBOX, writes EXPECTED (CSV: Message-ID, expected outcome, the Message-ID it answers), prints {@code ready} and
 * keeps serving until killed; its SMTP takes the acknowledgements the server sends. {@code fetch} does what the
 * server's poller does over IMAP, timed, without taking anything in: log in, search the unseen messages, fetch each
 * as the poller does ({@code Message.writeTo}), flag them all seen; then (not timed) unseen again, for the server.
 * {@code post} sends each message
 * as the body of {@code POST /api/v1/mail/inbound}, signed with SECRET, CLIENTS at once in order; an answer is sent
 * only once the mail it answers was taken, as a mail gateway forwards mail as it arrives. A 409 or 5xx is sent again
 * (at most 5 times), as a gateway retries.
 */
public class MailLoad {

    static final String SERVICE = "service@tierdesk.bench";
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([A-Z]+)\"");

    record Mail(String messageId, String outcome, String answers, byte[] raw) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    messages(Integer.parseInt(args[3]), Files.readAllLines(Path.of(args[4]))), Path.of(args[5]));
            case "fetch" -> fetch(Integer.parseInt(args[1]));
            case "post" -> post(args[1], args[2], messages(Integer.parseInt(args[3]),
                    Files.readAllLines(Path.of(args[4]))), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("serve, fetch or post: " + args[0]);
        }
    }

    static void serve(int smtpPort, int imapPort, List<Mail> mails, Path expected) throws Exception {
        var greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        GreenMailUser service = greenMail.setUser(SERVICE, "service", "secret");
        Session session = Session.getInstance(new Properties());
        try (var out = new PrintWriter(Files.newBufferedWriter(expected))) {
            for (Mail mail : mails) {
                // As written: a MimeMessage given a new Message-ID would no longer thread.
                service.deliver(new MimeMessage(session, new ByteArrayInputStream(mail.raw())) {
                    @Override
                    protected void updateMessageID() {
                    }
                });
                out.println(mail.messageId() + "," + mail.outcome() + ","
                        + (mail.answers() == null ? "" : mail.answers()));
            }
        }
        System.out.println("ready: " + mails.size() + " messages in INBOX, expected " + expected(mails));
        Thread.currentThread().join();
    }

    static void fetch(int imapPort) throws Exception {
        var properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "10000");
        properties.setProperty("mail.imap.timeout", "600000");
        long started = System.nanoTime();
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, "service", "secret");
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            long bytes = 0;
            for (Message message : unseen) {
                var raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                bytes += raw.size();
            }
            folder.setFlags(unseen, new Flags(Flags.Flag.SEEN), true);
            double seconds = (System.nanoTime() - started) / 1e9;
            folder.setFlags(unseen, new Flags(Flags.Flag.SEEN), false);
            folder.close(false);
            System.out.printf("mailbox alone (Jakarta Mail: log in, search unseen, fetch each, flag seen; nothing "
                    + "taken in): %d messages (%d KB) in %.1f s: %.1f messages/s%n", unseen.length, bytes / 1024,
                    seconds, unseen.length / seconds);
        }
    }

    static void post(String url, String secret, List<Mail> mails, int clients) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, CompletableFuture<Void>> taken = new ConcurrentHashMap<>();
        mails.forEach(mail -> taken.put(mail.messageId(), new CompletableFuture<>()));
        Map<String, AtomicInteger> outcomes = new TreeMap<>();
        List.of("OPENED", "THREADED", "TRIAGE", "AUTOMATIC", "DUPLICATE", "UNREADABLE")
                .forEach(outcome -> outcomes.put(outcome, new AtomicInteger()));
        var retries = new AtomicInteger();
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        var workers = new ArrayList<Future<?>>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < mails.size(); n = next.getAndIncrement()) {
                    Mail mail = mails.get(n);
                    try {
                        if (mail.answers() != null) {
                            taken.get(mail.answers()).join();
                        }
                        String answer = send(http, url, secret, mail.raw(), retries);
                        Matcher outcome = OUTCOME.matcher(answer);
                        if (!outcome.find()) {
                            throw new IllegalStateException("no outcome in " + answer);
                        }
                        outcomes.get(outcome.group(1)).incrementAndGet();
                        taken.get(mail.messageId()).complete(null);
                    } catch (Exception e) {
                        // an answer waiting for this mail fails too, instead of waiting for ever
                        taken.get(mail.messageId()).completeExceptionally(e);
                        throw e;
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("webhook: %d messages, %d clients, %.1f s: %.1f messages/s; answered %s; %d sent again "
                + "(expected %s)%n", mails.size(), clients, seconds, mails.size() / seconds, outcomes, retries.get(),
                expected(mails));
    }

    private static String send(HttpClient http, String url, String secret, byte[] raw, AtomicInteger retries)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(raw));
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/mail/inbound"))
                    .header("Content-Type", "message/rfc822").header("X-TierDesk-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return answer.body();
            }
            if ((answer.statusCode() != 409 && answer.statusCode() < 500) || attempt == 5) {
                throw new IllegalStateException("the webhook answered " + answer.statusCode() + ": " + answer.body());
            }
            retries.incrementAndGet();
        }
    }

    private static Map<String, Long> expected(List<Mail> mails) {
        var counts = new TreeMap<String, Long>();
        mails.forEach(mail -> counts.merge(mail.outcome(), 1L, Long::sum));
        return counts;
    }

    // ---- the messages

    static final String[] ZH_SUBJECTS = {"退货申请", "换货咨询", "退款还没到账", "发票开错了", "物流一直没有更新",
        "快递丢件", "包装破损", "少发了一件", "收到的颜色不对", "保修怎么申请", "安装师傅什么时候上门", "修改收货地址",
        "取消订单", "优惠券不能用", "会员积分没有到账", "价格保护", "以旧换新", "增值税专用发票", "预售什么时候发货"};
    static final String[] ZH_SENTENCES = {"我上周下的订单到现在还没有收到，物流信息三天没有更新了。",
        "收到的商品外包装破损，里面的配件也少了一个，请尽快处理。", "我想申请七天无理由退货，商品没有拆封。",
        "发票抬头写错了，麻烦重新开一张电子发票，税号见附件。", "退款申请已经审核通过，但是钱还没有退回到我的银行卡。",
        "我们公司需要批量采购，请问可以对公转账并开具增值税专用发票吗？", "手机开机后屏幕一直闪，是否可以换货？",
        "师傅约好今天上门安装，但是一直没有人联系我。", "能否把收货地址改成公司地址？订单还没有发货。",
        "会员积分在确认收货后没有到账，请帮忙查一下。", "下单后第二天就降价了，可以申请价格保护吗？",
        "麻烦尽快回复，谢谢！", "订单号和付款截图都在下面。", "如果不能退货，能否换成其他颜色？"};
    static final String[] EN_SUBJECTS = {"Return request", "Exchange for a different size", "Refund not received",
        "Wrong invoice", "Tracking has not updated", "Parcel lost", "Damaged package", "Missing item",
        "Warranty claim", "Installation appointment", "Change of delivery address", "Cancel my order",
        "Coupon code does not work", "Loyalty points missing", "Price protection"};
    static final String[] EN_SENTENCES = {"I ordered last week and the parcel has still not arrived; tracking has "
            + "not moved for three days. ", "The box arrived damaged and one accessory is missing. ",
        "I would like to return the item under the 7-day policy; it is unopened. ",
        "The invoice shows the wrong company name, could you issue a new one? ",
        "My refund was approved but the money is not back on my card yet. ",
        "Could we pay by bank transfer and get a VAT invoice for a business purchase? ",
        "The screen flickers after start-up; can I get a replacement? ",
        "The technician was due today but nobody called. ", "Please change the delivery address to our office. ",
        "My points were not added after delivery. ", "The price dropped the day after I ordered. ",
        "Thanks for your help. ", "The order number and a screenshot are below. "};
    static final String[] ZH_NAMES = {"王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳"};

    /** The messages, the same for the same count and customers. */
    static List<Mail> messages(int count, List<String> customers) {
        var random = new Random(11);
        var mails = new ArrayList<Mail>(count);
        var open = new ArrayList<Integer>();
        var chinese = new ArrayList<Boolean>();
        for (int n = 0; n < count; n++) {
            int kind = n % 10;
            boolean answer = (kind == 5 || kind == 6 || kind == 7) && !open.isEmpty();
            String messageId = "<bench." + n + ".11@mail.customer.example>";
            RawMail raw;
            String outcome;
            String answers = null;
            if (answer) {
                int original = open.remove(open.size() - 1 - random.nextInt(Math.min(open.size(), 100)));
                Mail earlier = mails.get(original);
                answers = earlier.messageId();
                boolean zh = chinese.get(original) || kind == 6;
                raw = RawMail.from(sender(earlier), messageId).header("In-Reply-To", answers)
                        .header("References", answers);
                String subject = (zh ? "回复：" : "Re: ") + subject(earlier);
                String text = body(random, zh, 60, 300) + "\n\n"
                        + (zh ? "在 2026年11月27日，您写道：" : "On 27 Nov 2026 you wrote:") + "\n> " + subject(earlier)
                        + "\n> " + body(random, zh, 40, 120).replace("\n", "\n> ");
                String charset = kind == 6 ? "GBK" : zh ? "UTF-8" : "US-ASCII";
                raw.subject(subject, charset, kind == 6 ? "Q" : "B")
                        .text(text, charset, kind == 6 ? "quoted-printable" : zh ? "base64" : "7bit");
                outcome = "THREADED";
                chinese.add(zh);
            } else if (kind == 8) {
                raw = RawMail.from("=?UTF-8?B?" + b64("陌生人" + n) + "?= <stranger." + n + "@unknown-sender.example>",
                        messageId).subject(pick(random, ZH_SUBJECTS), "UTF-8", "B")
                        .text(body(random, true, 100, 600), "UTF-8", "8bit");
                outcome = "TRIAGE";
                chinese.add(true);
            } else {
                String customer = customers.get(random.nextInt(customers.size()));
                boolean zh = kind == 3 || kind == 9 || random.nextInt(10) < 7;
                String from = zh ? "=?UTF-8?B?" + b64(pick(random, ZH_NAMES)) + "?= <" + customer + ">" : customer;
                raw = RawMail.from(from, messageId);
                String subject = zh ? pick(random, ZH_SUBJECTS) + " 订单" + (700000 + n)
                        : pick(random, EN_SUBJECTS) + " - order " + (700000 + n);
                String text = body(random, zh, 100, 1000);
                switch (kind) {
                    case 3 -> raw.subject(subject, "GBK", "B").text(text, "GBK", "quoted-printable");
                    case 4 -> raw.subject(subject, "UTF-8", "B").alternative(text, "<p>" + text.replace("\n", "<br>")
                            + "</p><blockquote>" + (zh ? "此前的邮件" : "earlier mail") + "</blockquote>");
                    case 9 -> raw.header("Cc", "buyer." + n + "@corp.customer.example"
                            + (n % 20 == 9 ? ", finance." + n + "@corp.customer.example" : ""))
                            .subject(subject, "GB18030", "B").text(text, "GB18030", "base64");
                    default -> raw.subject(subject, zh ? "UTF-8" : "US-ASCII", "B")
                            .text(text, zh ? "UTF-8" : "US-ASCII", zh ? "base64" : "7bit");
                }
                outcome = "OPENED";
                open.add(n);
                chinese.add(zh);
            }
            mails.add(new Mail(messageId, outcome, answers, raw.bytes()));
        }
        return mails;
    }

    private static String sender(Mail mail) {
        String head = new String(mail.raw(), StandardCharsets.US_ASCII);
        return head.substring(head.indexOf("From: ") + 6, head.indexOf("\r\n", head.indexOf("From: ")));
    }

    private static String subject(Mail mail) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.raw()))
                    .getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(Random random, boolean chinese, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        var text = new StringBuilder();
        while (text.length() < length) {
            if (text.length() > 0 && random.nextInt(5) == 0) {
                text.append("\n");
            }
            text.append(pick(random, chinese ? ZH_SENTENCES : EN_SENTENCES));
        }
        return text.toString().strip();
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A raw RFC 822 message as mailers write it, Chinese in a chosen charset and transfer encoding. */
    static final class RawMail {

        private final Map<String, String> headers = new java.util.LinkedHashMap<>();
        private String body = "";

        private RawMail(String from, String messageId) {
            headers.put("From", from);
            headers.put("To", SERVICE);
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

        /** The subject as an RFC 2047 encoded word in the charset, base64 ("B") or quoted-printable ("Q"). */
        RawMail subject(String subject, String charset, String encoding) {
            byte[] bytes = subject.getBytes(Charset.forName(charset));
            String word = encoding.equals("B") ? Base64.getEncoder().encodeToString(bytes) : qp(bytes, true);
            return header("Subject", "=?" + charset + "?" + encoding + "?" + word + "?=");
        }

        /** A text/plain body in the charset, its bytes as base64, quoted-printable, 7bit or 8bit. */
        RawMail text(String text, String charset, String transfer) {
            headers.put("Content-Type", "text/plain; charset=" + charset);
            headers.put("Content-Transfer-Encoding", transfer);
            body = encoded(text.getBytes(Charset.forName(charset)), transfer);
            return this;
        }

        /** A multipart/alternative body: the text and the HTML, both UTF-8 in quoted-printable. */
        RawMail alternative(String text, String html) {
            headers.put("Content-Type", "multipart/alternative; boundary=\"alt\"");
            body = "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + encoded(text.getBytes(StandardCharsets.UTF_8), "quoted-printable")
                    + "\r\n--alt\r\nContent-Type: text/html; charset=UTF-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + encoded(html.getBytes(StandardCharsets.UTF_8), "quoted-printable") + "\r\n--alt--\r\n";
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
                case "base64" -> Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(bytes);
                case "quoted-printable" -> qp(bytes, false);
                default -> new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
            };
        }

        private static String qp(byte[] bytes, boolean word) {
            var out = new StringBuilder();
            int line = 0;
            for (byte b : bytes) {
                int value = b & 0xff;
                if (value == '\n' && !word) {
                    out.append("\r\n");
                    line = 0;
                    continue;
                }
                if (value == '\r') {
                    continue;
                }
                boolean plain = value >= 33 && value <= 126 && value != '=' && value != '?' && value != '_';
                String piece = plain ? String.valueOf((char) value)
                        : word && value == ' ' ? "_" : String.format("=%02X", value);
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
}
