package com.tierdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.notification.internal.NotificationDispatcher;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.ticket.Follower;
import com.tierdesk.ticket.FollowerDraft;
import com.tierdesk.ticket.MessageDraft;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.TargetOutcome;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.Tickets;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail to the requester through the notification outbox, received by GreenMail: the acknowledgement of a new email
 * ticket with the first response's due in words (which is no response), an agent's reply threaded to the customer's
 * mail, and the resend after a crash during the hand-over carrying the same Message-ID.
 */
@SpringBootTest(properties = {"tierdesk.scheduler.execute=false", "spring.mail.host=127.0.0.1",
        "spring.mail.port=39027", "tierdesk.notifications.dispatch-every=PT1H",
        "tierdesk.notifications.from=Service <service@tierdesk.example>"})
@Import(SettableTime.class)
class OutboundMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39027, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    InboundMail inbound;

    @Autowired
    Tickets tickets;

    @Autowired
    Customers customers;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableTime.SettableClock clock;

    String address;

    @BeforeEach
    void aCustomerWithAContact() {
        // A Friday afternoon in Shanghai: the first response falls due on a later working day.
        clock.set(Instant.parse("2026-03-06T08:00:00Z"));
        address = "out-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        customers.create(CustomerFixture.aCustomer().name("回信客户").kind(CustomerKind.COMPANY).email(address)
                .registeredOn(LocalDate.of(2024, 1, 1)).build());
    }

    @Test
    void aNewEmailTicketIsAcknowledgedWithTheFirstResponseDueInWordsWhichIsNoResponse() throws Exception {
        TicketId id = inbound.receive(RawMail.from(address, messageId()).subject("发票抬头错误", "GBK", "B")
                .text("请帮忙重开发票", "GBK", "base64").bytes()).ticket();
        dispatcher.dispatchDue();

        MimeMessage ack = single(to(address));
        TicketDetail ticket = tickets.get(id);
        TargetOutcome firstResponse = ticket.targets().stream().filter(t -> t.target() == SlaTarget.FIRST_RESPONSE)
                .findFirst().orElseThrow();
        String due = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.SIMPLIFIED_CHINESE)
                .format(firstResponse.due().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(due).startsWith("周");
        assertThat(ack.getSubject()).isEqualTo("[#T" + id.value() + "] 我们已收到您的来信：发票抬头错误");
        assertThat((String) ack.getContent()).contains("我们将在 " + due + " 前回复您");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(firstResponse.status()).as("the acknowledgement is no response").isNotEqualTo(ClockStatus.MET);
        assertThat(firstResponse.achievedAt()).isNull();
    }

    @Test
    void anEnglishSenderIsAcknowledgedInEnglish() throws Exception {
        inbound.receive(RawMail.from(address, messageId()).header("Subject", "Wrong invoice")
                .text("Please reissue the invoice", "UTF-8", "8bit").bytes());
        dispatcher.dispatchDue();

        MimeMessage ack = single(to(address));
        assertThat(ack.getSubject()).endsWith("We have received your message: Wrong invoice");
        assertThat((String) ack.getContent()).containsPattern("We will reply by [A-Z][a-z]+day \\d\\d:\\d\\d\\.");
    }

    @Test
    void anAgentsReplyArrivesThreadedAndTheCustomersAnswerThreadsBack() throws Exception {
        String customerMessage = messageId();
        TicketId id = inbound.receive(RawMail.from(address, customerMessage).subject("退货地址", "UTF-8", "B")
                .text("退货寄到哪里？", "UTF-8", "quoted-printable").bytes()).ticket();
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        long version = tickets.get(id).ticket().version();
        tickets.addMessage(id, version, new MessageDraft(MessageKind.PUBLIC_REPLY, "请寄到上海市某某路 1 号"), "agent.li");
        dispatcher.dispatchDue();

        MimeMessage reply = single(to(address));
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(customerMessage);
        assertThat(reply.getHeader("References", null)).contains(customerMessage);
        assertThat(reply.getSubject()).isEqualTo("回复：退货地址 [#T" + id.value() + "]");
        assertThat((String) reply.getContent()).startsWith("请寄到上海市某某路 1 号");
        assertThat(reply.getHeader("Auto-Submitted")).isNull();

        ReceivedMail answer = inbound.receive(RawMail.from(address, messageId())
                .header("In-Reply-To", reply.getMessageID()).header("Subject", "Re: thanks")
                .text("收到，谢谢", "UTF-8", "8bit").bytes());
        assertThat(answer.outcome()).isEqualTo(ReceivedMail.Outcome.THREADED);
        assertThat(answer.ticket()).isEqualTo(id);
    }

    @Test
    void anAgentsReplyCopiesTheFollowersButNeitherTheRequesterNorTheServiceItself() throws Exception {
        String boss = "boss-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String finance = "finance-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        TicketId id = inbound.receive(RawMail.from(address, messageId())
                .header("Cc", boss.toUpperCase() + ", Service <SERVICE@tierdesk.example>, " + address.toUpperCase())
                .header("Subject", "Invoice").text("Please reissue the invoice", "UTF-8", "8bit").bytes()).ticket();
        tickets.addFollower(id, new FollowerDraft(finance, "财务"), "agent.li");
        assertThat(tickets.followers(id)).extracting(Follower::email).containsExactlyInAnyOrder(boss, finance);
        dispatcher.dispatchDue();
        assertThat(single(inboxOf(address)).getHeader("Cc")).as("an acknowledgement copies nobody").isNull();
        smtp.purgeEmailFromAllMailboxes();

        tickets.addMessage(id, tickets.get(id).ticket().version(),
                new MessageDraft(MessageKind.PUBLIC_REPLY, "The new invoice is attached"), "agent.li");
        dispatcher.dispatchDue();

        MimeMessage reply = single(inboxOf(address));
        assertThat(reply.getHeader("Cc", ",")).contains(boss).contains(finance).doesNotContainIgnoringCase("service@")
                .doesNotContainIgnoringCase(address);
        assertThat(Arrays.stream(reply.getRecipients(Message.RecipientType.CC))
                .map(cc -> ((InternetAddress) cc).getAddress()))
                .containsExactlyInAnyOrder(boss, finance);
        assertThat(Arrays.stream(reply.getRecipients(Message.RecipientType.TO))
                .map(to -> ((InternetAddress) to).getAddress())).containsExactly(address);
        assertThat(inboxOf(boss)).as("each follower receives the reply").hasSize(1);
        assertThat(inboxOf(finance)).hasSize(1);
        assertThat(inboxOf("service@tierdesk.example")).isEmpty();
    }

    private static List<MimeMessage> inboxOf(String address) {
        return smtp.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true).toList();
    }

    @Test
    void aCrashBetweenHandOverAndCommitYieldsOneDistinctMessageIdAtTheReceiver() throws Exception {
        TicketId id = inbound.receive(RawMail.from(address, messageId()).header("Subject", "Crash")
                .text("Please answer", "UTF-8", "8bit").bytes()).ticket();
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();
        tickets.addMessage(id, tickets.get(id).ticket().version(),
                new MessageDraft(MessageKind.PUBLIC_REPLY, "Here is the answer"), "agent.li");
        dispatcher.dispatchDue();
        // The instance died after the SMTP server took the email and before SENT was committed: it is still SENDING.
        jdbc.sql("UPDATE notification SET status = 'SENDING', sent_at = NULL, claimed_at = ? WHERE recipient_email = ?"
                        + " AND template = 'mail.reply'")
                .params(java.sql.Timestamp.from(Instant.parse("2026-03-06T07:00:00Z")), address).update();

        dispatcher.dispatchDue();

        List<MimeMessage> received = to(address);
        assertThat(received).as("sent again after the crash").hasSize(2);
        assertThat(received.stream().map(OutboundMailTests::messageIdOf).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM notification WHERE recipient_email = ? AND template = 'mail.reply'")
                .param(address).query(String.class).single()).isEqualTo("SENT");
    }

    private static List<MimeMessage> to(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().contains(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId() {
        return "<" + UUID.randomUUID() + "@customer.example.com>";
    }
}
