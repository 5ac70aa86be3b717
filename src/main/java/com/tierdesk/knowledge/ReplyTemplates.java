package com.tierdesk.knowledge;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.TierNames;
import com.tierdesk.knowledge.internal.KnowledgeRules;
import com.tierdesk.knowledge.internal.Relevance;
import com.tierdesk.knowledge.internal.SearchTerms;
import com.tierdesk.knowledge.internal.TermIndex;
import com.tierdesk.knowledge.internal.TemplateStore;
import com.tierdesk.knowledge.internal.TemplateText;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.NotFound;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.ticket.TargetOutcome;
import com.tierdesk.ticket.Ticket;
import com.tierdesk.ticket.TicketDetail;
import com.tierdesk.ticket.TicketId;
import com.tierdesk.ticket.Tickets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quick replies: templates whose variables ({@link #VARIABLES}) are filled in for a ticket, in the reader's language
 * where a value has words (the tier's name, the deadline). A template naming a variable nobody fills is refused when
 * it is saved, so a reply never goes out with a placeholder in it.
 */
@Service
@Transactional(readOnly = true)
public class ReplyTemplates {

    /** The code of the refusal of a change made on a version that is no longer the template's current one. */
    public static final String STALE_VERSION = "problem.knowledge.template-changed";
    /** The variables a template may use. */
    public static final Set<String> VARIABLES = Set.of("customer.name", "customer.code", "customer.tier", "ticket.id",
            "ticket.subject", "ticket.deadline", "agent.name");

    private final TemplateStore store;
    private final TermIndex index;
    private final Tickets tickets;
    private final Customers customers;
    private final TierNames tierNames;
    private final MessageSource messages;
    private final BusinessTime time;

    ReplyTemplates(TemplateStore store, TermIndex index, Tickets tickets, Customers customers, TierNames tierNames,
            MessageSource messages, BusinessTime time) {
        this.store = store;
        this.index = index;
        this.tickets = tickets;
        this.customers = customers;
        this.tierNames = tierNames;
        this.messages = messages;
        this.time = time;
    }

    @Transactional
    public ReplyTemplate create(TemplateDraft draft, String actor) {
        KnowledgeRules.check(draft, VARIABLES);
        uniqueName(draft.name().strip(), 0);
        long id = store.insert(new ReplyTemplate(0, draft.name().strip(), draft.body().strip(), draft.language(), 0,
                actor, time.now()));
        index.index(TermIndex.Kind.TEMPLATE, id, draft.name(), draft.body());
        return get(id);
    }

    @Transactional
    public ReplyTemplate update(long id, long expectedVersion, TemplateDraft draft, String actor) {
        KnowledgeRules.check(draft, VARIABLES);
        ReplyTemplate current = store.lock(id).orElseThrow(() -> unknown(id));
        if (current.version() != expectedVersion) {
            throw new Conflict("version", STALE_VERSION, id, current.version());
        }
        uniqueName(draft.name().strip(), id);
        store.update(new ReplyTemplate(id, draft.name().strip(), draft.body().strip(), draft.language(),
                current.version() + 1, actor, time.now()));
        index.index(TermIndex.Kind.TEMPLATE, id, draft.name(), draft.body());
        return get(id);
    }

    @Transactional
    public void delete(long id, long expectedVersion) {
        ReplyTemplate current = store.lock(id).orElseThrow(() -> unknown(id));
        if (current.version() != expectedVersion) {
            throw new Conflict("version", STALE_VERSION, id, current.version());
        }
        index.remove(TermIndex.Kind.TEMPLATE, id);
        store.delete(id);
    }

    private void uniqueName(String name, long except) {
        if (store.nameTaken(name, except)) {
            throw new Conflict("name", "problem.knowledge.template-name-taken", name);
        }
    }

    public ReplyTemplate get(long id) {
        return store.find(id).orElseThrow(() -> unknown(id));
    }

    /** Every template in the language ({@code null}: both), by name. */
    public List<ReplyTemplate> list(String language) {
        KnowledgeRules.checkFilter(language);
        return store.list(language);
    }

    /**
     * The templates in the language ({@code null}: both) that match the text, most relevant first (ranked like
     * articles, the name as the title); an empty text gives them all by name.
     */
    public List<ReplyTemplate> search(String text, String language) {
        KnowledgeRules.checkFilter(language);
        List<String> terms = SearchTerms.of(text).stream().distinct().toList();
        if (terms.isEmpty()) {
            return store.list(language);
        }
        return Relevance.scores(index.postings(TermIndex.Kind.TEMPLATE, terms, language, null)).keySet().stream()
                .map(store::find).flatMap(Optional::stream).toList();
    }

    /** The template filled in for the ticket, the words of its values in the locale, for the agent answering. */
    public RenderedReply render(long templateId, TicketId ticketId, String agent, Locale locale) {
        ReplyTemplate template = get(templateId);
        TicketDetail detail = tickets.get(ticketId);
        Ticket ticket = detail.ticket();
        Optional<Customer> customer = customers.find(ticket.customerCode());
        var values = new HashMap<String, String>();
        values.put("customer.name", customer.map(Customer::name).orElse(ticket.customerCode()));
        values.put("customer.code", ticket.customerCode());
        values.put("customer.tier", tierNames.names(locale).getOrDefault(ticket.tier(), ticket.tier()));
        values.put("ticket.id", String.valueOf(ticket.id().value()));
        values.put("ticket.subject", ticket.subject());
        values.put("ticket.deadline", deadline(detail.targets(), locale));
        values.put("agent.name", agent);
        return new RenderedReply(templateId, ticketId.value(), TemplateText.fill(template.body(), values));
    }

    /**
     * The deadline the customer waits for, in words: the first response while it is owed, else a return's decision,
     * else the resolution; "no deadline" when none runs.
     */
    private String deadline(List<TargetOutcome> targets, Locale locale) {
        return owed(targets, SlaTarget.FIRST_RESPONSE).or(() -> owed(targets, SlaTarget.RETURN_DECISION))
                .or(() -> owed(targets, SlaTarget.RESOLUTION))
                .map(target -> messages.getMessage("knowledge.deadline", new Object[] {
                        messages.getMessage("sla.target." + target.target().name(), null, locale),
                        DateTimeFormatter.ofPattern(messages.getMessage("knowledge.deadline.pattern", null, locale),
                                locale).format(target.due().atZone(time.zone()))}, locale))
                .orElseGet(() -> messages.getMessage("knowledge.deadline.none", null, locale));
    }

    private static Optional<TargetOutcome> owed(List<TargetOutcome> targets, SlaTarget target) {
        return targets.stream().filter(outcome -> outcome.target() == target && outcome.achievedAt() == null
                && outcome.due() != null).findFirst();
    }

    private static NotFound unknown(long id) {
        return new NotFound("id", "problem.knowledge.no-template", id);
    }
}
