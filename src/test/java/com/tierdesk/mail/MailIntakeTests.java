package com.tierdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Production intake: mail sent over GreenMail's SMTP is read from its IMAP mailbox by the poller (two pollers at once
 * open each ticket once), and a mail gateway's webhook is taken only with a valid signature.
 */
@SpringBootTest(properties = {"tierdesk.scheduler.execute=false", "tierdesk.mail.inbound.host=127.0.0.1",
        "tierdesk.mail.inbound.port=39143", "tierdesk.mail.inbound.ssl=false", "tierdesk.mail.inbound.user=service",
        "tierdesk.mail.inbound.password=secret", "tierdesk.mail.inbound.move-to=Processed",
        "tierdesk.mail.webhook.secret=gateway-secret"})
@AutoConfigureMockMvc
class MailIntakeTests {

    static final String SERVICE = "service@tierdesk.example";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(39143, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SERVICE, "service", "secret"));

    @Autowired
    MailboxPoller poller;

    @Autowired
    Customers customers;

    @Autowired
    MockMvc mvc;

    String address;

    @BeforeEach
    void aCustomerWithAContact() {
        address = "imap-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        customers.create(CustomerFixture.aCustomer().name("邮箱客户").kind(CustomerKind.COMPANY).email(address)
                .registeredOn(LocalDate.of(2024, 1, 1)).build());
    }

    @Test
    void twoPollersAtOnceOpenEachTicketOnceAndMoveTheMessagesAway() throws Exception {
        var sent = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            String id = "<" + UUID.randomUUID() + "@mail.example.com>";
            sent.add(id);
            send(RawMail.from(address, id).header("To", SERVICE).subject("物流查询 " + i, "GBK", "B")
                    .text("包裹还没到", "GBK", "base64").bytes());
        }
        mail.waitForIncomingEmail(3);

        var start = new CountDownLatch(1);
        Callable<List<ReceivedMail>> polling = () -> {
            start.await();
            return poller.poll();
        };
        var received = new ArrayList<ReceivedMail>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<ReceivedMail>> first = pool.submit(polling);
            Future<List<ReceivedMail>> second = pool.submit(polling);
            start.countDown();
            received.addAll(first.get());
            received.addAll(second.get());
        } finally {
            pool.shutdownNow();
        }
        received.addAll(poller.poll());

        assertThat(received).filteredOn(r -> r.outcome() == ReceivedMail.Outcome.OPENED)
                .extracting(ReceivedMail::messageId).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(received).allMatch(r -> r.outcome() == ReceivedMail.Outcome.OPENED
                || r.outcome() == ReceivedMail.Outcome.DUPLICATE);
        assertThat(poller.poll()).as("nothing is left unseen").isEmpty();
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).as("taken messages are moved away").isZero();
            assertThat(store.getFolder("Processed").getMessageCount()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void readingAMessageAsThePollerDoesLeavesItUnseenUntilItsTicketIsCommitted() throws Exception {
        send(RawMail.from(address, "<" + UUID.randomUUID() + "@mail.example.com>").header("To", SERVICE)
                .subject("退货进度", "UTF-8", "B").text("请告知进度", "UTF-8", "base64").bytes());
        mail.waitForIncomingEmail(1);

        Store reader = Session.getInstance(MailboxPoller.sessionProperties("imap")).getStore("imap");
        reader.connect("127.0.0.1", 39143, "service", "secret");
        try (reader) {
            Folder inbox = reader.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).writeTo(new ByteArrayOutputStream());
            inbox.close(false);
        }
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).isSet(Flags.Flag.SEEN)).as("read, not yet taken in").isFalse();
        }
    }

    @Test
    void theConnectionTestLogsIn() {
        MailboxCheck check = poller.check();

        assertThat(check.connected()).isTrue();
        assertThat(check.error()).isNull();
    }

    @Test
    void theWebhookTakesASignedMessageAndRefusesABadSignature() throws Exception {
        byte[] raw = RawMail.from(address, "<" + UUID.randomUUID() + "@gateway.example.com>")
                .subject("网关转来的邮件", "GB18030", "B").text("请回电", "GB18030", "quoted-printable").bytes();

        mvc.perform(post("/api/v1/mail/inbound").contentType("message/rfc822").content(raw)
                        .header("X-TierDesk-Signature", "sha256=" + hmac("wrong-secret", raw)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/mail/inbound").contentType("message/rfc822").content(raw))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/mail/inbound").contentType(MediaType.APPLICATION_OCTET_STREAM).content(raw)
                        .header("X-TierDesk-Signature", hmac("gateway-secret", raw)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("OPENED"))
                .andExpect(jsonPath("$.ticket").isNumber());
        mvc.perform(post("/api/v1/mail/inbound").contentType("message/rfc822").content(raw)
                        .header("X-TierDesk-Signature", "sha256=" + hmac("gateway-secret", raw)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("DUPLICATE"));
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static void send(byte[] raw) throws Exception {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", "39025");
        Session session = Session.getInstance(properties);
        // Sent as written: Transport.send would give it a new Message-ID otherwise.
        Transport.send(new MimeMessage(session, new ByteArrayInputStream(raw)) {
            @Override
            protected void updateMessageID() {
            }
        });
    }

    private static Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", 39143, "service", "secret");
        return store;
    }
}
