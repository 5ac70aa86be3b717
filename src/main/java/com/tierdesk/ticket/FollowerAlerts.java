package com.tierdesk.ticket;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rings the console bell of the accounts following a ticket when a customer writes, when someone else replies in
 * public or when its status changes; never for what the follower did themselves. The bell only: the addresses that
 * follow a ticket are already copied on its public replies by email.
 */
@Component
class FollowerAlerts {

    private final FollowerRepository followers;
    private final StaffAlerts alerts;

    FollowerAlerts(FollowerRepository followers, StaffAlerts alerts) {
        this.followers = followers;
        this.alerts = alerts;
    }

    @EventListener
    void messageAdded(TicketMessageAdded added) {
        Ticket ticket = added.ticket();
        switch (added.message().kind()) {
            case CUSTOMER_MESSAGE -> ring(ticket, null, "notification.ticket.followed.customer-message",
                    ticket.id().value(), ticket.subject());
            case PUBLIC_REPLY -> ring(ticket, added.message().author(), "notification.ticket.followed.reply",
                    ticket.id().value(), ticket.subject(), added.message().author());
            default -> {
            }
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged changed) {
        Ticket ticket = changed.ticket();
        ring(ticket, changed.actor(), "notification.ticket.followed.status." + ticket.status(), ticket.id().value(),
                ticket.subject(), changed.actor());
    }

    private void ring(Ticket ticket, String actor, String template, Object... arguments) {
        List<String> to = followers.accounts(ticket.id()).stream().filter(account -> !account.equals(actor)).toList();
        if (!to.isEmpty()) {
            alerts.bell(to, template, "/tickets/" + ticket.id().value(), arguments);
        }
    }
}
