package com.tierdesk.ticket;

import com.tierdesk.customer.FieldRules;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules for what a ticket is made of, one set for every way in; each problem names its field. */
final class TicketRules {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;
    static final int MAX_TAGS = 20;
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_ASSIGNEE = 100;
    static final int MAX_KEY = 200;
    static final int MAX_FOLLOWER_NAME = 100;

    private TicketRules() {
    }

    /**
     * Every problem of a new ticket's values, the requester's language one of {@code languages} (the service desk's);
     * the customer's existence is the caller's to check.
     */
    static List<FieldProblem> problems(TicketDraft draft, List<String> languages) {
        var problems = new ArrayList<FieldProblem>();
        required("channel", draft.channel(), problems);
        add("customer", TextRules.requiredLine(draft.customer(), FieldRules.MAX_CODE_LENGTH), problems);
        add("requester.name", TextRules.line(draft.requester().name(), 100), problems);
        add("requester.email", FieldRules.email(strip(draft.requester().email())), problems);
        add("requester.phone", FieldRules.phone(draft.requester().phone()), problems);
        String language = strip(draft.requester().language());
        if (language != null && !languages.contains(language)) {
            problems.add(FieldProblem.of("requester.language", "problem.one-of", String.join(", ", languages)));
        }
        add("subject", TextRules.requiredLine(draft.subject(), MAX_SUBJECT), problems);
        required("type", draft.type(), problems);
        required("priority", draft.priority(), problems);
        add("description", TextRules.multiline(draft.description(), MAX_BODY), problems);
        add("assignee", assignee(draft.assignee()), problems);
        tags(draft.tags(), problems);
        if (draft.attachments().size() > MAX_ATTACHMENTS) {
            problems.add(FieldProblem.of("attachments", "problem.too-many", draft.attachments().size(), MAX_ATTACHMENTS));
        } else {
            for (int i = 0; i < draft.attachments().size(); i++) {
                attachment("attachments[" + i + "].", draft.attachments().get(i), problems);
            }
        }
        return problems;
    }

    static List<FieldProblem> problems(TicketChange change) {
        var problems = new ArrayList<FieldProblem>();
        if (change.tags() != null) {
            tags(change.tags(), problems);
        }
        return problems;
    }

    static List<FieldProblem> problems(MessageDraft message) {
        var problems = new ArrayList<FieldProblem>();
        required("kind", message.kind(), problems);
        if (message.body() == null || message.body().isBlank()) {
            problems.add(FieldProblem.of("body", "problem.required"));
        } else {
            add("body", TextRules.multiline(message.body(), MAX_BODY), problems);
        }
        return problems;
    }

    static List<FieldProblem> problems(FollowerDraft follower) {
        var problems = new ArrayList<FieldProblem>();
        String email = strip(follower.email());
        if (email == null) {
            problems.add(FieldProblem.of("email", "problem.required"));
        } else {
            add("email", FieldRules.email(email), problems);
        }
        add("name", TextRules.line(follower.name(), MAX_FOLLOWER_NAME), problems);
        return problems;
    }

    static Optional<Reason> assignee(String assignee) {
        return TextRules.line(assignee, MAX_ASSIGNEE);
    }

    static Optional<Reason> idempotencyKey(String key) {
        return TextRules.requiredLine(key, MAX_KEY);
    }

    static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void tags(List<String> tags, List<FieldProblem> problems) {
        if (tags.size() > MAX_TAGS) {
            problems.add(FieldProblem.of("tags", "problem.too-many", tags.size(), MAX_TAGS));
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            add("tags[" + i + "]", FieldRules.tag(tags.get(i)), problems);
        }
    }

    private static void attachment(String at, Attachment attachment, List<FieldProblem> problems) {
        if (attachment == null) {
            problems.add(FieldProblem.of(at.substring(0, at.length() - 1), "problem.required"));
            return;
        }
        add(at + "name", TextRules.requiredLine(attachment.name(), 255), problems);
        if (attachment.size() < 0) {
            problems.add(FieldProblem.of(at + "size", "problem.negative"));
        }
        add(at + "contentType", TextRules.requiredLine(attachment.contentType(), 100), problems);
        add(at + "reference", TextRules.requiredLine(attachment.reference(), 500), problems);
    }

    private static void required(String field, Object value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "problem.required"));
        }
    }

    private static void add(String field, Optional<Reason> reason, List<FieldProblem> problems) {
        reason.ifPresent(r -> problems.add(new FieldProblem(field, r)));
    }
}
