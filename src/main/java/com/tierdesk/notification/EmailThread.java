package com.tierdesk.notification;

import java.util.List;

/**
 * How an email joins a conversation: its own {@code messageId} (fixed before the hand-over, so that a resend after a
 * crash is the same message to the receiver), the message it answers and the conversation's earlier ids, oldest
 * first; {@code automatic} for a message sent without a person (an acknowledgement), marked {@code Auto-Submitted};
 * {@code cc} the addresses copied on it, the others following the conversation.
 */
public record EmailThread(String messageId, String inReplyTo, List<String> references, boolean automatic,
                          List<String> cc) {

    /** Set on every email TierDesk sends, so that a copy coming back to the service mailbox is never answered. */
    public static final String LOOP_HEADER = "X-TierDesk-Loop";

    public EmailThread {
        references = references == null ? List.of() : List.copyOf(references);
        cc = cc == null ? List.of() : List.copyOf(cc);
    }
}
