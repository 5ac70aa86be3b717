package com.tierdesk.mail;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.mail.internal.MailHeaders;
import com.tierdesk.mail.internal.MailParser;
import com.tierdesk.mail.internal.MailStore;
import com.tierdesk.mail.internal.ParsedMail;
import com.tierdesk.security.People;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.Attachment;
import com.tierdesk.ticket.FollowerDraft;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.MessageDraft;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.Tickets;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one received message: it joins the ticket it answers (by In-Reply-To/References against the Message-IDs
 * of the ticket's mail, else by the ticket token in the subject) as the customer's message, or opens an email ticket
 * for the customer whose contact sent it, or waits in triage when the sender is nobody's contact; mail never creates
 * a customer. A new ticket is acknowledged by mail ({@link OutboundMail}); the addresses in CC follow the ticket, and
 * the mail is kept as the ticket message it became, so that the ticket page shows it as written
 * ({@link MailOriginals}). Bounces, auto-replies and bulk mail are never answered: kept as an internal note on the
 * ticket they concern, else dropped with a log line. Each Message-ID is taken once, in the transaction that stores its
 * effect.
 */
@Service
public class InboundMail {

    /** Who the timeline says took mail in. */
    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
    private static final String ENGLISH = "en";
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_BODY = 10_000;
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^((re|fw|fwd|aw|回复|答复|转发)\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);

    private final MailStore store;
    private final Tickets tickets;
    private final Customers customers;
    private final BusinessTime time;
    private final TransactionTemplate transaction;
    private final OutboundMail outbound;
    private final People people;
    private final ServiceAddresses service;

    InboundMail(MailStore store, Tickets tickets, Customers customers, BusinessTime time,
                TransactionTemplate transaction, OutboundMail outbound, People people, ServiceAddresses service) {
        this.store = store;
        this.service = service;
        this.people = people;
        this.outbound = outbound;
        this.tickets = tickets;
        this.customers = customers;
        this.time = time;
        this.transaction = transaction;
    }

    /** Takes in one raw RFC 822 message; bytes that are no message are refused (field {@code message}). */
    public ReceivedMail receive(byte[] raw) {
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw InvalidInput.of("message", "problem.mail.unreadable");
        }
        if (mail.sender() == null) {
            throw InvalidInput.of("message", "problem.mail.unreadable");
        }
        try {
            return transaction.execute(status -> take(mail));
        } catch (DuplicateKeyException e) {
            log.info("Mail {} was taken before; skipped", mail.messageId());
            return new ReceivedMail(ReceivedMail.Outcome.DUPLICATE, mail.messageId(), null);
        }
    }

    /** Messages waiting for an agent to link a customer, oldest first. */
    public List<TriageMail> triage() {
        return store.triage();
    }

    /** The attachment of a received message; an unknown id is {@link NotFound}. */
    public MailAttachment attachment(long id) {
        return store.attachment(id).orElseThrow(() -> new NotFound("attachment", "problem.mail.unknown-attachment", id));
    }

    /**
     * Opens the ticket of a message waiting in triage for the customer an agent chose: the SLA starts now. A message
     * no longer waiting (linked by somebody else) is {@link NotFound}.
     */
    public TicketDetail link(long mailId, String customerCode, String actor) {
        return transaction.execute(status -> {
            TriageMail waiting = store.lockTriage(mailId)
                    .orElseThrow(() -> new NotFound("mail", "problem.mail.not-in-triage", mailId));
            TicketDetail opened = tickets.create(draft(customerCode, waiting.sender(), waiting.senderName(),
                    waiting.subject(), waiting.body(), store.attachments(mailId).stream()
                            .map(a -> attachmentOf(a.id(), a.name(), a.contentType(), a.content().length)).toList()),
                    null, actor).ticket();
            store.link(mailId, opened.ticket().id().value(), first(opened));
            follow(opened.ticket().id(), store.cc(mailId));
            outbound.acknowledge(opened);
            return opened;
        });
    }

    private ReceivedMail take(ParsedMail mail) {
        long mailId = store.claim(mail, time.now());
        var attachments = new ArrayList<Attachment>();
        for (ParsedMail.Part part : mail.attachments()) {
            attachments.add(attachmentOf(store.attach(mailId, part), part.name(), part.contentType(),
                    part.content().length));
        }
        Optional<Ticket> answered = answered(mail);
        if (mail.automatic() != null) {
            return automatic(mail, mailId, answered);
        }
        if (answered.isPresent()) {
            Ticket ticket = answered.get();
            String body = withAttachments(mail.body(), attachments);
            var added = tickets.addMessage(ticket.id(), ticket.version(),
                    new MessageDraft(MessageKind.CUSTOMER_MESSAGE, body), ACTOR);
            TicketDetail into = added.followUp() != null ? added.followUp() : added.ticket();
            TicketId joined = into.ticket().id();
            store.link(mailId, joined.value(), into.messages().get(into.messages().size() - 1).id());
            follow(joined, mail.cc());
            return new ReceivedMail(ReceivedMail.Outcome.THREADED, mail.messageId(), joined);
        }
        Optional<Customer> customer = customers.findByEmail(mail.sender());
        if (customer.isEmpty()) {
            store.toTriage(mailId);
            log.info("Mail {} from {}, who is no customer's contact, waits in triage", mail.messageId(), mail.sender());
            return new ReceivedMail(ReceivedMail.Outcome.TRIAGE, mail.messageId(), null);
        }
        TicketDetail opened = tickets.create(draft(customer.get().code(), mail.sender(), mail.senderName(),
                mail.subject(), mail.body(), attachments), null, ACTOR).ticket();
        TicketId id = opened.ticket().id();
        store.link(mailId, id.value(), first(opened));
        follow(id, mail.cc());
        outbound.acknowledge(opened);
        return new ReceivedMail(ReceivedMail.Outcome.OPENED, mail.messageId(), id);
    }

    private ReceivedMail automatic(ParsedMail mail, long mailId, Optional<Ticket> answered) {
        if (answered.isEmpty() || answered.get().status() == TicketStatus.CLOSED) {
            log.info("Automatic mail {} ({}) from {} concerns no open ticket; dropped", mail.messageId(),
                    mail.automatic(), mail.sender());
            return new ReceivedMail(ReceivedMail.Outcome.AUTOMATIC, mail.messageId(), null);
        }
        Ticket ticket = answered.get();
        String note = "[" + mail.automatic() + "] " + mail.sender() + ": " + mail.subject() + "\n\n" + mail.body();
        tickets.addMessage(ticket.id(), ticket.version(), new MessageDraft(MessageKind.INTERNAL_NOTE, cut(note, MAX_BODY)),
                ACTOR);
        store.link(mailId, ticket.id().value(), null);
        log.info("Automatic mail {} ({}) kept as a note on ticket {}", mail.messageId(), mail.automatic(),
                ticket.id().value());
        return new ReceivedMail(ReceivedMail.Outcome.AUTOMATIC, mail.messageId(), ticket.id());
    }

    /** The addresses in CC follow the ticket, but the service's own. */
    private void follow(TicketId ticket, List<ParsedMail.Copied> cc) {
        tickets.addFollowersFromMail(ticket, cc.stream().filter(copied -> !service.own(copied.email()))
                .map(copied -> new FollowerDraft(copied.email(), copied.name())).toList(), ACTOR);
    }

    /** The id of a new ticket's first message, the mail's text; none when the mail had none. */
    private static Long first(TicketDetail opened) {
        return opened.messages().isEmpty() ? null : opened.messages().get(0).id();
    }

    /** The ticket this message answers: by the ids it refers to, else by the token in its subject. */
    private Optional<Ticket> answered(ParsedMail mail) {
        OptionalLong byHeaders = store.ticketOf(mail.answers());
        long id = byHeaders.isPresent() ? byHeaders.getAsLong() : MailHeaders.ticketOf(mail.subject());
        if (id < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(tickets.get(new TicketId(id)).ticket());
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private TicketDraft draft(String customer, String sender, String senderName, String subject, String body,
                              List<Attachment> attachments) {
        String title = REPLY_PREFIX.matcher(subject == null ? "" : subject.strip()).replaceFirst("").strip();
        if (title.isEmpty()) {
            title = body == null || body.isBlank() ? sender : body.strip().lines().findFirst().orElse(sender);
        }
        return new TicketDraft(IntakeChannel.EMAIL, customer,
                new Requester(cut(senderName, 100), sender, null, language(title + " " + body)),
                cut(title, MAX_SUBJECT), TicketType.INQUIRY, Priority.NORMAL,
                body == null || body.isBlank() ? null : cut(body, MAX_BODY), List.of(), attachments, null);
    }

    /**
     * The language the sender wrote in: English when the mail has no Chinese character and the desk speaks English,
     * else the configured default, so that the acknowledgement and replies are worded for them.
     */
    private String language(String text) {
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return !chinese && people.languages().contains(ENGLISH) ? ENGLISH : null;
    }

    private static Attachment attachmentOf(long id, String name, String contentType, long size) {
        return new Attachment(cut(name, 200), size, contentType, "/api/v1/mail/attachments/" + id);
    }

    /**
     * The customer's message with the files the mail carried, each by name and download path, since a message has
     * no attachments of its own; a mail of files only is its list of files.
     */
    private static String withAttachments(String body, List<Attachment> attachments) {
        String files = attachments.stream().map(a -> "📎 " + a.name() + " " + a.reference())
                .collect(Collectors.joining("\n"));
        String text = body == null || body.isBlank() ? files : files.isEmpty() ? body : body + "\n\n" + files;
        return text.isEmpty() ? "-" : cut(text, MAX_BODY);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
