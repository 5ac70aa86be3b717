package com.tierdesk.ticket.web;

import com.tierdesk.security.AccountProfile;
import com.tierdesk.security.ConsoleAccess;
import com.tierdesk.security.People;
import com.tierdesk.security.Role;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.Priority;
import com.tierdesk.ticket.QueueEntry;
import com.tierdesk.ticket.QueuePage;
import com.tierdesk.ticket.QueueSearch;
import com.tierdesk.ticket.TicketStatus;
import com.tierdesk.ticket.TicketView;
import com.tierdesk.ticket.TicketViews;
import com.tierdesk.ticket.Tickets;
import com.tierdesk.tiering.TierCatalog;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the queue pages and the saved views' pages share: the rows with their countdowns and pager, the bulk form
 * (supervisors assign to anyone who works tickets, others only take) and the save-as-view form's choices.
 */
@Component
class QueueRows {

    /** A queue entry with its countdown in the reader's language. */
    record Row(QueueEntry entry, String countdown) {
    }

    private final Tickets tickets;
    private final TierCatalog tiers;
    private final Countdown countdown;
    private final BusinessTime time;
    private final People people;
    private final TicketViews views;

    QueueRows(Tickets tickets, TierCatalog tiers, Countdown countdown, BusinessTime time, People people,
            TicketViews views) {
        this.views = views;
        this.tickets = tickets;
        this.tiers = tiers;
        this.countdown = countdown;
        this.time = time;
        this.people = people;
    }

    /**
     * Adds a page of the queue the search names: {@code pageUrl} is ready for a page number ({@code /tickets?tier=VIP&}),
     * {@code exportUrl} the list's URL with its filters.
     */
    QueuePage fill(QueueSearch search, String pageUrl, String exportUrl, Locale locale, Model model) {
        QueuePage found = tickets.queue(search);
        model.addAttribute("paged", found);
        model.addAttribute("rows", rows(found, time.now(), locale));
        model.addAttribute("pageUrl", pageUrl);
        model.addAttribute("exportUrl", exportUrl);
        model.addAttribute("rowsUrl", pageUrl + "page=" + found.page());
        model.addAttribute("tierNames", tiers.names(locale));
        return found;
    }

    /** The bulk form's choices and the reader's teams, for the forms beside the rows. */
    void forms(Authentication caller, Model model) {
        boolean supervisor = supervisor(caller);
        model.addAttribute("supervisor", supervisor);
        model.addAttribute("assignees", supervisor ? people.profiles().stream()
                .filter(profile -> profile.account().enabled() && profile.account().role().worksTickets())
                .map(AccountProfile::account).sorted(Comparator.comparing(account -> account.username()))
                .map(account -> account.username()).toList() : List.of(caller.getName()));
        model.addAttribute("bulkStatuses", Arrays.stream(TicketStatus.values())
                .filter(status -> status != TicketStatus.NEW).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", teams(caller.getName()));
        model.addAttribute("sorts", TicketView.Sort.values());
    }

    /** The reader's views with their counts, {@code current} (0: none) marked. */
    void bar(Authentication caller, long current, Model model) {
        List<TicketView> visible = views.visible(caller.getName());
        model.addAttribute("views", visible);
        model.addAttribute("counts", views.counts(visible, caller.getName(), supervisor(caller)));
        model.addAttribute("current", current);
    }

    List<Row> rows(QueuePage entries, Instant now, Locale locale) {
        return entries.items().stream().map(entry -> new Row(entry,
                countdown.text(entry.nextDue(), entry.nextPaused(), now, locale))).toList();
    }

    static boolean supervisor(Authentication caller) {
        return ConsoleAccess.role(caller).map(role -> role.includes(Role.SUPERVISOR)).orElse(false);
    }

    private Set<String> teams(String username) {
        return new TreeSet<>(people.profile(username).map(profile -> profile.staffing().teams()).orElse(Set.of()));
    }
}
