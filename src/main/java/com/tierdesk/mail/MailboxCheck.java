package com.tierdesk.mail;

/** How a login to the service mailbox went: {@code messages} in the folder when it worked, else the error. */
public record MailboxCheck(boolean connected, int messages, String error) {
}
