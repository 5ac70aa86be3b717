/**
 * The email channel: mail read from the service mailbox (IMAP) or handed over by a mail gateway's webhook opens a
 * ticket or threads into one, mail from an unknown sender waits in triage until an agent links a customer, and every
 * message is taken once by its Message-ID (see docs/tickets.md, "Email").
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "ticket", "customer", "sla", "shared", "security", "notification"})
package com.tierdesk.mail;
