package com.tierdesk.mail;

import com.tierdesk.ticket.TicketId;

/**
 * What became of one message: {@code ticket} is the ticket it opened or joined, none for a message that waits in
 * triage, was already taken, or was an automatic message that concerns no ticket.
 */
public record ReceivedMail(Outcome outcome, String messageId, TicketId ticket) {

    public enum Outcome {
        /** It opened a ticket for the customer whose contact sent it. */
        OPENED,
        /** It joined the ticket it answers as the customer's message. */
        THREADED,
        /** Its sender is no customer's contact: it waits in triage. */
        TRIAGE,
        /** A bounce, auto-reply or bulk mail: kept as a note on the ticket it concerns, else dropped; never answered. */
        AUTOMATIC,
        /** A message with this Message-ID was taken before. */
        DUPLICATE,
        /** A mailbox message that is no readable mail: marked seen and left in the mailbox. */
        UNREADABLE
    }
}
