package com.tierdesk.ticket;

import java.util.List;

/**
 * A ticket message as its sender wrote it: the text they wrote, their formatted version of it ({@code html}, cleaned
 * of anything active by the channel; none for plain text), the earlier text their mailer quoted below it (none when
 * it quoted nothing) and the files they sent, each downloadable at its {@code reference}.
 */
public record OriginalMessage(long messageId, String text, String html, String quoted, List<Attachment> attachments) {

    public OriginalMessage {
        attachments = List.copyOf(attachments);
    }
}
