package com.tierdesk;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.knowledge.ReplyTemplate;
import com.tierdesk.knowledge.ReplyTemplates;
import com.tierdesk.knowledge.TemplateDraft;
import com.tierdesk.mail.MailboxPoller;
import com.tierdesk.mail.ReceivedMail;
import com.tierdesk.notification.internal.NotificationDispatcher;
import com.tierdesk.security.Role;
import com.tierdesk.security.UserAccount;
import com.tierdesk.security.UserAccounts;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.Tickets;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A customer's Chinese mail to the service mailbox, read by the IMAP poller from GreenMail, opens a ticket; an agent
 * answers it from the queue with a quick reply; the answer arrives in the customer's GreenMail inbox threaded to the
 * mail, with the ticket token, the customer's name filled in and the mail's CC copied.
 */
@BrowserTest
@TestPropertySource(properties = {"tierdesk.scheduler.execute=false", "tierdesk.notifications.dispatch-every=PT1H",
        "spring.mail.host=127.0.0.1", "spring.mail.port=" + MailBrowserTests.SMTP,
        "tierdesk.notifications.from=Service <" + MailBrowserTests.SERVICE + ">",
        "tierdesk.mail.inbound.host=127.0.0.1", "tierdesk.mail.inbound.port=" + MailBrowserTests.IMAP,
        "tierdesk.mail.inbound.ssl=false", "tierdesk.mail.inbound.user=" + MailBrowserTests.SERVICE,
        "tierdesk.mail.inbound.password=" + MailBrowserTests.PASSWORD})
class MailBrowserTests {

    static final int SMTP = 39331;
    static final int IMAP = 39332;
    static final String SERVICE = "service@tierdesk.example";
    static final String PASSWORD = "mailbox-secret";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SERVICE, SERVICE, PASSWORD));

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Customers customers;

    @Autowired
    Tickets tickets;

    @Autowired
    ReplyTemplates templates;

    @Autowired
    MailboxPoller poller;

    @Autowired
    NotificationDispatcher dispatcher;

    @Test
    void aMailedQuestionIsAnsweredWithAQuickReplyThatArrivesThreaded() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String address = "wang-" + marker + "@customer.example";
        String colleague = "li-" + marker + "@customer.example";
        Customer customer = customers.create(aCustomer().name("王芳贸易" + marker).kind(CustomerKind.COMPANY)
                .email(address).registeredOn(LocalDate.of(2024, 1, 1)).build());
        ReplyTemplate template = templates.create(new TemplateDraft("发票重开 " + marker,
                "{{customer.name}} 您好，发票已重新开具，请查收。", "zh-CN"), "supervisor");
        String original = sendToTheServiceMailbox(address, colleague, "发票抬头开错了",
                "您好，订单 1001 的发票抬头开错了，请重新开具。");

        List<ReceivedMail> taken = poller.poll();
        assertThat(taken).singleElement().extracting(ReceivedMail::outcome).isEqualTo(ReceivedMail.Outcome.OPENED);
        TicketId id = taken.get(0).ticket();

        try (BrowserSession browser = BrowserSession.open(port)) {
            UserAccount agent = browser.signInAsNewUser(accounts, Role.AGENT, "李客服");
            tickets.reassign(id, tickets.get(id).ticket().version(), agent.username(), "supervisor");

            browser.visit("/tickets");
            browser.find(By.cssSelector("#queue-ticket-" + id.value() + " td.subject a")).click();
            browser.waitUntil(ExpectedConditions.urlMatches("/tickets/" + id.value() + "$"));
            assertThat(browser.find(By.id("ticket-subject")).getText()).isEqualTo("发票抬头开错了");
            assertThat(browser.find(By.cssSelector("#ticket-conversation .message-CUSTOMER_MESSAGE")).getText())
                    .contains("订单 1001 的发票抬头开错了");
            assertThat(browser.texts(By.cssSelector("#ticket-followers .follower-address"))).containsExactly(colleague);

            browser.find(By.cssSelector("#pick-template-" + template.id() + " button")).click();
            browser.waitUntil(ExpectedConditions.attributeContains(By.id("reply-body"), "value",
                    customer.name() + " 您好，发票已重新开具"));
            browser.find(By.cssSelector("#reply-form button[type=submit]")).click();
            assertThat(browser.find(By.id("ticket-done")).getText()).isEqualTo("回复已发送。");
        }

        dispatcher.dispatchDue();
        MimeMessage reply = mail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address),
                        message -> header(message, "Auto-Submitted") == null).findFirst().orElseThrow();
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(original);
        assertThat(reply.getSubject()).isEqualTo("回复：发票抬头开错了 [#T" + id.value() + "]");
        assertThat((String) reply.getContent()).startsWith(customer.name() + " 您好，发票已重新开具，请查收。");
        assertThat(reply.getHeader("Cc", ",")).isEqualTo(colleague);
    }

    /** Sends a customer's mail over SMTP to the service mailbox; returns its Message-ID. */
    private static String sendToTheServiceMailbox(String from, String cc, String subject, String text) throws Exception {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(SMTP));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(from, "王芳", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, SERVICE);
        message.setRecipients(Message.RecipientType.CC, cc);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
        assertThat(mail.waitForIncomingEmail(10_000, 2)).as("delivered to the mailbox and the colleague").isTrue();
        return message.getMessageID();
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
