package com.tierdesk.mail;

import com.tierdesk.mail.internal.MailParser;
import com.tierdesk.mail.internal.MailStore;
import com.tierdesk.ticket.Attachment;
import com.tierdesk.ticket.OriginalMessage;
import com.tierdesk.ticket.OriginalMessages;
import com.tierdesk.ticket.TicketId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The customer's mail as the ticket page shows it: each received message that became a ticket message, with its
 * sanitised HTML less the earlier mail it quoted, that quoted text folded away, and the files it carried. Mail taken in
 * before the messages were linked to their mail shows as its ticket message.
 */
@Component
class MailOriginals implements OriginalMessages {

    private final MailStore store;

    MailOriginals(MailStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, OriginalMessage> of(TicketId ticket) {
        List<MailStore.Original> mails = store.originals(ticket.value());
        Map<Long, List<Attachment>> files = store.attachmentsOf(mails.stream().map(MailStore.Original::mail).toList());
        var originals = new HashMap<Long, OriginalMessage>();
        for (MailStore.Original mail : mails) {
            String html = null;
            String quoted = mail.quoted();
            if (mail.html() != null && !mail.html().isBlank()) {
                String[] folded = MailParser.foldHtml(mail.html());
                html = folded[0];
                quoted = quoted != null ? quoted : folded[1];
            }
            originals.put(mail.message(), new OriginalMessage(mail.message(), mail.body(), html, quoted,
                    files.getOrDefault(mail.mail(), List.of())));
        }
        return originals;
    }
}
