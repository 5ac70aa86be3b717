package com.tierdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketMessage;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.Tickets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Mail taken in: opened, threaded, in triage, automatic or taken before; Chinese in every common encoding. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import(SettableTime.class)
class InboundMailTests {

    @Autowired
    InboundMail inbound;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    SettableTime.SettableClock clock;

    String address;
    Customer customer;

    @BeforeEach
    void aCustomerWithAContact() {
        clock.set(Instant.parse("2026-03-02T01:00:00Z"));
        address = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        customer = customers.create(CustomerFixture.aCustomer().name("邮件客户").kind(CustomerKind.COMPANY)
                .email(address).registeredOn(LocalDate.of(2024, 1, 1)).build());
    }

    @ParameterizedTest
    @CsvSource({"GBK, B, quoted-printable", "GB2312, B, base64", "GB18030, Q, 8bit", "UTF-8, Q, quoted-printable",
            "GBK, Q, 8bit"})
    void chineseSubjectsAndBodiesAreReadInTheirCharsetAndEncoding(String charset, String word, String transfer) {
        byte[] raw = RawMail.from("王芳 <" + address.toUpperCase() + ">", id())
                .subject("退款进度查询：订单 1001", charset, word)
                .text("您好，\n订单 1001 的退款何时到账？\n谢谢", charset, transfer).bytes();

        ReceivedMail received = inbound.receive(raw);

        assertThat(received.outcome()).isEqualTo(ReceivedMail.Outcome.OPENED);
        TicketDetail ticket = tickets.get(received.ticket());
        assertThat(ticket.ticket().channel()).isEqualTo(IntakeChannel.EMAIL);
        assertThat(ticket.ticket().customerCode()).as("the sender is the customer's contact").isEqualTo(customer.code());
        assertThat(ticket.ticket().subject()).isEqualTo("退款进度查询：订单 1001");
        assertThat(ticket.messages()).extracting(TicketMessage::body)
                .containsExactly("您好，\n订单 1001 的退款何时到账？\n谢谢");
    }

    @Test
    void aReplyThreadsByItsHeadersAndResumesAPausedClock() {
        String first = id();
        TicketId ticket = inbound.receive(RawMail.from(address, first).subject("发票问题", "UTF-8", "B")
                .text("请重开发票", "UTF-8", "base64").bytes()).ticket();
        tickets.addMessage(ticket, 0, new com.tierdesk.ticket.MessageDraft(MessageKind.PUBLIC_REPLY, "请提供抬头"),
                "agent.li");
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        tickets.changeStatus(ticket, 1, TicketStatus.PENDING_CUSTOMER, "agent.li");
        clock.set(Instant.parse("2026-03-02T04:00:00Z"));

        ReceivedMail reply = inbound.receive(RawMail.from(address, id()).header("In-Reply-To", first)
                .header("References", first).subject("回复：发票问题", "UTF-8", "B")
                .text("抬头是某某公司\n\n在 2026年3月2日 写道：\n> 请重开发票", "UTF-8", "quoted-printable").bytes());

        assertThat(reply.outcome()).isEqualTo(ReceivedMail.Outcome.THREADED);
        assertThat(reply.ticket()).isEqualTo(ticket);
        TicketDetail resumed = tickets.get(ticket);
        assertThat(resumed.ticket().status()).as("the customer's mail resumes").isEqualTo(TicketStatus.OPEN);
        assertThat(resumed.targets()).filteredOn(t -> t.target() == SlaTarget.RESOLUTION).singleElement()
                .satisfies(t -> assertThat(t.pausedTotal()).isEqualTo(Duration.ofHours(2)));
        assertThat(resumed.messages()).last().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.CUSTOMER_MESSAGE);
            assertThat(message.body()).as("the quoted earlier text is folded away").isEqualTo("抬头是某某公司");
        });
    }

    @Test
    void aReplyThreadsByTheTicketTokenInItsSubject() {
        TicketId ticket = inbound.receive(RawMail.from(address, id()).header("Subject", "Invoice")
                .text("Please resend the invoice", "UTF-8", "8bit").bytes()).ticket();

        ReceivedMail reply = inbound.receive(RawMail.from(address, id())
                .header("Subject", "Re: Invoice [#T" + ticket.value() + "]").text("Any news?", "UTF-8", "8bit").bytes());

        assertThat(reply.outcome()).isEqualTo(ReceivedMail.Outcome.THREADED);
        assertThat(reply.ticket()).isEqualTo(ticket);
        assertThat(tickets.get(ticket).messages()).extracting(TicketMessage::body).endsWith("Any news?");
    }

    @Test
    void eachMessageIsTakenOnceByItsMessageId() {
        byte[] raw = RawMail.from(address, id()).header("Subject", "Twice").text("once", "UTF-8", "8bit").bytes();

        ReceivedMail first = inbound.receive(raw);
        ReceivedMail again = inbound.receive(raw);

        assertThat(first.outcome()).isEqualTo(ReceivedMail.Outcome.OPENED);
        assertThat(again.outcome()).isEqualTo(ReceivedMail.Outcome.DUPLICATE);
        assertThat(again.ticket()).isNull();
    }

    @Test
    void anUnknownSenderWaitsInTriageUntilAnAgentLinksACustomer() {
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ReceivedMail received = inbound.receive(RawMail.from("Li Lei <" + stranger + ">", id())
                .header("Cc", "boss@example.org, Helper <helper@example.org>")
                .header("Subject", "Where is my parcel?").text("Order 77", "UTF-8", "8bit").bytes());

        assertThat(received.outcome()).isEqualTo(ReceivedMail.Outcome.TRIAGE);
        TriageMail waiting = inbound.triage().stream().filter(mail -> stranger.equals(mail.sender())).findFirst()
                .orElseThrow();
        assertThat(waiting.senderName()).isEqualTo("Li Lei");
        clock.set(Instant.parse("2026-03-02T03:00:00Z"));

        TicketDetail opened = inbound.link(waiting.id(), customer.code(), "agent.li");

        assertThat(opened.ticket().customerCode()).isEqualTo(customer.code());
        assertThat(opened.ticket().createdAt()).as("the SLA starts when the customer is linked")
                .isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
        assertThat(opened.ticket().requester().email()).isEqualTo(stranger);
        assertThat(tickets.followers(opened.ticket().id())).as("the CC of the mail, kept while it waited")
                .extracting(follower -> follower.email() + " " + follower.name() + " " + follower.source())
                .containsExactly("boss@example.org null MAIL_CC", "helper@example.org Helper MAIL_CC");
        assertThat(inbound.triage()).noneMatch(mail -> mail.id() == waiting.id());
        assertThatThrownBy(() -> inbound.link(waiting.id(), customer.code(), "agent.li"))
                .isInstanceOf(com.tierdesk.shared.NotFound.class);
    }

    @Test
    void autoRepliesAndBouncesAreNeverAnsweredNorResumeAnything() {
        String first = id();
        TicketId ticket = inbound.receive(RawMail.from(address, first).header("Subject", "Broken")
                .text("It broke", "UTF-8", "8bit").bytes()).ticket();
        long version = tickets.get(ticket).ticket().version();

        ReceivedMail outOfOffice = inbound.receive(RawMail.from(address, id()).header("In-Reply-To", first)
                .header("Auto-Submitted", "auto-replied").header("Subject", "Out of office")
                .text("I am away", "UTF-8", "8bit").bytes());
        ReceivedMail bounce = inbound.receive(RawMail.from("MAILER-DAEMON@mx.example.com", id())
                .header("Subject", "Undelivered Mail").text("could not deliver", "UTF-8", "8bit").bytes());
        ReceivedMail bulk = inbound.receive(RawMail.from(address, id()).header("Precedence", "bulk")
                .header("Subject", "Newsletter").text("news", "UTF-8", "8bit").bytes());

        assertThat(outOfOffice.outcome()).isEqualTo(ReceivedMail.Outcome.AUTOMATIC);
        assertThat(outOfOffice.ticket()).as("kept as a note on the ticket it concerns").isEqualTo(ticket);
        TicketDetail after = tickets.get(ticket);
        assertThat(after.messages()).last().satisfies(message -> {
            assertThat(message.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(message.body()).contains("auto-submitted", "I am away");
        });
        assertThat(after.ticket().status()).isEqualTo(TicketStatus.NEW);
        assertThat(after.ticket().version()).isGreaterThan(version);
        assertThat(bounce.outcome()).isEqualTo(ReceivedMail.Outcome.AUTOMATIC);
        assertThat(bounce.ticket()).as("dropped: it concerns no ticket").isNull();
        assertThat(bulk.outcome()).isEqualTo(ReceivedMail.Outcome.AUTOMATIC);
        assertThat(bulk.ticket()).as("bulk mail opens no ticket").isNull();
    }

    @Test
    void anHtmlMailIsSanitisedItsQuoteFoldedAndItsAttachmentKept() {
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
        ReceivedMail received = inbound.receive(RawMail.from(address, id()).header("Subject", "Photo")
                .htmlWithAttachment("<p>见附件<script>alert(1)</script></p><blockquote>旧的内容</blockquote>",
                        "发票.pdf", pdf)
                .bytes());

        TicketDetail ticket = tickets.get(received.ticket());
        assertThat(ticket.messages()).extracting(TicketMessage::body).containsExactly("见附件");
        assertThat(ticket.ticket().attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("发票.pdf");
            assertThat(attachment.size()).isEqualTo(pdf.length);
            long id = Long.parseLong(attachment.reference().replaceFirst(".*/", ""));
            assertThat(inbound.attachment(id).content()).isEqualTo(pdf);
            assertThat(inbound.attachment(id).contentType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void theFilesOfAReplyAreNamedInTheCustomersMessageWithTheirDownload() {
        String first = id();
        TicketId ticket = inbound.receive(RawMail.from(address, first).header("Subject", "Damaged")
                .text("The parcel is damaged", "UTF-8", "8bit").bytes()).ticket();

        inbound.receive(RawMail.from(address, id()).header("In-Reply-To", first).header("Subject", "Re: Damaged")
                .htmlWithAttachment("<p>Photo attached</p>", "photo.pdf", new byte[] {1, 2, 3}).bytes());

        assertThat(tickets.get(ticket).messages()).last().satisfies(message -> assertThat(message.body())
                .startsWith("Photo attached\n\n📎 photo.pdf /api/v1/mail/attachments/"));
    }

    @Test
    void bytesThatAreNoMessageAreRefused() {
        assertThatThrownBy(() -> inbound.receive(new byte[0])).isInstanceOf(InvalidInput.class);
    }

    private static String id() {
        return "<" + UUID.randomUUID() + "@mail.example.com>";
    }
}
