package com.tierdesk.mail;

import com.tierdesk.shared.InvalidInput;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reads the service mailbox over IMAP: each unseen message is taken in ({@link InboundMail}, which commits it) and
 * only then marked seen, or moved to {@code tierdesk.mail.inbound.move-to}. A crash between the two leaves the message
 * unseen; the next poll reads it again and skips it by its Message-ID, as it does when two instances poll at once.
 */
@Service
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final InboundMail inbound;
    private final MailSettings settings;

    MailboxPoller(InboundMail inbound, MailSettings settings) {
        this.inbound = inbound;
        this.settings = settings;
    }

    /** Takes in the unseen messages of the mailbox, at most a batch; none when no mailbox is configured. */
    public List<ReceivedMail> poll() {
        MailSettings.Inbound mailbox = settings.inbound();
        if (!mailbox.configured()) {
            return List.of();
        }
        var received = new ArrayList<ReceivedMail>();
        try (Store store = connect(mailbox)) {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                List<Message> taken = new ArrayList<>();
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, mailbox.batch()))) {
                    ReceivedMail outcome = take(message);
                    if (outcome != null) {
                        received.add(outcome);
                        taken.add(message);
                    }
                }
                done(folder, store, mailbox, taken);
            } finally {
                folder.close(true);
            }
        } catch (MessagingException e) {
            log.warn("Could not read the mailbox {}@{}: {}", mailbox.user(), mailbox.host(), e.getMessage());
        }
        return received;
    }

    /**
     * The IMAP session's settings. Reading a message must not mark it seen on the server ({@code peek}): only
     * {@link #done} does, after the ticket is committed, so that a crash in between leaves the message for the next
     * poll (its Message-ID makes a second reading harmless).
     */
    static Properties sessionProperties(String protocol) {
        var properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        properties.setProperty("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        properties.setProperty("mail." + protocol + ".peek", "true");
        return properties;
    }

    /** Logs in to the mailbox and counts the messages of its folder: the console's "test connection". */
    public MailboxCheck check() {
        MailSettings.Inbound mailbox = settings.inbound();
        if (!mailbox.configured()) {
            return new MailboxCheck(false, 0, null);
        }
        try (Store store = connect(mailbox)) {
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return new MailboxCheck(true, count, null);
        } catch (MessagingException e) {
            return new MailboxCheck(false, 0, e.getMessage());
        }
    }

    /** The message's outcome; {@code null} when it failed for a reason that may pass, so it stays unseen. */
    private ReceivedMail take(Message message) {
        try {
            var raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            return inbound.receive(raw.toByteArray());
        } catch (InvalidInput e) {
            log.warn("Unreadable message {} in the mailbox; marked seen", message.getMessageNumber());
            return new ReceivedMail(ReceivedMail.Outcome.UNREADABLE, null, null);
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Could not take in message {}; it stays unseen for the next poll", message.getMessageNumber(), e);
            return null;
        }
    }

    private static void done(Folder folder, Store store, MailSettings.Inbound mailbox, List<Message> taken)
            throws MessagingException {
        if (taken.isEmpty()) {
            return;
        }
        Message[] messages = taken.toArray(Message[]::new);
        folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
        if (mailbox.moveTo() != null && !mailbox.moveTo().isBlank()) {
            Folder target = store.getFolder(mailbox.moveTo());
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            folder.copyMessages(messages, target);
            folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
        }
    }

    private static Store connect(MailSettings.Inbound mailbox) throws MessagingException {
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Store store = Session.getInstance(sessionProperties(protocol)).getStore(protocol);
        store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
        return store;
    }
}
