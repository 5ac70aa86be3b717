package com.tierdesk.mail.web;

import com.tierdesk.customer.Consent;
import com.tierdesk.customer.CustomerDraft;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.mail.InboundMail;
import com.tierdesk.mail.MailSettings;
import com.tierdesk.mail.MailboxPoller;
import com.tierdesk.mail.TriageMail;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.ticket.TicketDetail;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console of the email channel: the triage of mail from unknown senders (link an existing customer, or create
 * the customer from the mail and link it), and the mailbox settings, read-only, with a test of the IMAP login.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class MailConsoleController {

    private final InboundMail inbound;
    private final MailboxPoller poller;
    private final MailSettings settings;
    private final Customers customers;
    private final BusinessTime time;
    private final ProblemMessages messages;
    private final TransactionTemplate transaction;

    MailConsoleController(InboundMail inbound, MailboxPoller poller, MailSettings settings, Customers customers,
                          BusinessTime time, ProblemMessages messages, TransactionTemplate transaction) {
        this.inbound = inbound;
        this.poller = poller;
        this.settings = settings;
        this.customers = customers;
        this.time = time;
        this.messages = messages;
        this.transaction = transaction;
    }

    @GetMapping("/tickets/triage")
    String triage(Model model) {
        List<TriageMail> waiting = inbound.triage();
        model.addAttribute("mails", waiting);
        return "mail/triage";
    }

    @PostMapping("/tickets/triage/{id}/link")
    String link(@PathVariable long id, @RequestParam(defaultValue = "") String customer, Authentication caller,
                RedirectAttributes redirect) {
        try {
            TicketDetail opened = inbound.link(id, customer.strip(), caller.getName());
            return "redirect:/tickets/" + opened.ticket().id().value();
        } catch (Refusal refused) {
            return refused(id, refused, redirect);
        }
    }

    /** Creates the customer from the mail (its sender as the contact email) and opens the ticket, all or nothing. */
    @PostMapping("/tickets/triage/{id}/customer")
    String createCustomer(@PathVariable long id, @RequestParam(defaultValue = "") String code,
                          @RequestParam(defaultValue = "") String name,
                          @RequestParam(defaultValue = "PERSON") CustomerKind kind, Authentication caller,
                          RedirectAttributes redirect) {
        TriageMail mail = inbound.triage().stream().filter(m -> m.id() == id).findFirst().orElse(null);
        if (mail == null) {
            return "redirect:/tickets/triage";
        }
        try {
            TicketDetail opened = transaction.execute(status -> {
                customers.create(new CustomerDraft(code.strip(), name.strip(), kind, null, mail.senderName(), null,
                        mail.sender(), null, null, time.today(), null, null, Consent.NONE, List.of()));
                return inbound.link(id, code.strip(), caller.getName());
            });
            return "redirect:/tickets/" + opened.ticket().id().value();
        } catch (Refusal refused) {
            return refused(id, refused, redirect);
        }
    }

    @GetMapping("/admin/mailbox")
    String mailbox(Model model) {
        model.addAttribute("settings", settings);
        return "mail/mailbox";
    }

    @PostMapping("/admin/mailbox/test")
    String testConnection(Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("check", poller.check());
        return "mail/mailbox";
    }

    private String refused(long id, Refusal refused, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refusedMail", id);
        redirect.addFlashAttribute("refusal", messages.text(refused));
        return "redirect:/tickets/triage";
    }
}
