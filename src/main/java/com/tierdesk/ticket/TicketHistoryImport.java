package com.tierdesk.ticket;

import com.tierdesk.customer.Customers;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportRow;
import com.tierdesk.customer.RowImporter;
import com.tierdesk.security.People;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code tierdesk import tickets}: a ticket history from another helpdesk, one ticket a row, loaded through
 * {@link PastTickets} with its first reply, solving and closing at their times, so that its SLA targets (by the
 * customer's tier and the policy in force when it came in) and their outcomes are what they would have been.
 * Idempotent by external id: a ticket is taken in under the intake key {@code import:<external id>}, claimed with the
 * hash of its row; the same row again is unchanged, a changed one is refused (its history is already written).
 */
@Component
class TicketHistoryImport implements RowImporter<TicketHistoryImport.Row> {

    static final String KEY_PREFIX = "import:";
    /** Opens the tickets and writes what is not an agent's; an agent's step is the assignee's when there is one. */
    static final String ACTOR = "import";
    /** The first reply's text is not in the file, only its time: the conversation says so. */
    static final String FIRST_REPLY_BODY = "（导入的首次回复，原文未导入）";
    private static final List<String> FIELDS = List.of("external_id", "customer_code", "type", "priority", "channel",
            "status", "subject", "body", "created_at", "first_reply_at", "solved_at", "closed_at", "assignee", "tags");
    private static final Set<String> REQUIRED = Set.of("external_id", "customer_code", "type", "priority", "channel",
            "subject", "created_at");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;,]");
    /** The draft's fields as the file names them. */
    private static final Map<String, String> DRAFT_FIELDS = Map.of("customer", "customer_code", "description", "body");
    /** As long as other kinds' external ids; with the prefix well within an intake key's length. */
    private static final int MAX_EXTERNAL_ID = 64;

    /** One row read: the ticket to load, under which key, and the hash of what the row held. */
    record Row(String externalId, PastTicket ticket, String hash) {
    }

    private final PastTickets pastTickets;
    private final TicketRepository repository;
    private final Customers customers;
    private final People people;
    private final BusinessTime time;
    private final Map<String, TicketType> typeLabels;
    private final Map<String, Priority> priorityLabels;
    private final Map<String, IntakeChannel> channelLabels;
    private final Map<String, TicketStatus> statusLabels;

    TicketHistoryImport(PastTickets pastTickets, TicketRepository repository, Customers customers, People people,
            BusinessTime time, MessageSource messages) {
        this.pastTickets = pastTickets;
        this.repository = repository;
        this.customers = customers;
        this.people = people;
        this.time = time;
        this.typeLabels = labels(messages, "sla.type.", TicketType.class);
        this.priorityLabels = labels(messages, "sla.priority.", Priority.class);
        this.channelLabels = labels(messages, "ticket.channel.", IntakeChannel.class);
        this.statusLabels = labels(messages, "ticket.status.", TicketStatus.class);
    }

    /** The console's labels, Chinese and English, of each constant: a file exported from the console reads back. */
    private static <E extends Enum<E>> Map<String, E> labels(MessageSource messages, String prefix, Class<E> type) {
        Map<String, E> labels = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(prefix + constant.name(), null, null, locale);
                if (label != null) {
                    labels.putIfAbsent(label, constant);
                }
            }
        }
        return Map.copyOf(labels);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.TICKETS;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredFields() {
        return REQUIRED;
    }

    @Override
    public Row read(ImportRow row) {
        String externalId = row.requiredText("external_id", MAX_EXTERNAL_ID);
        String customer = row.code("customer_code", true);
        TicketType type = required(row, "type", row.choice("type", TicketType.class, typeLabels));
        Priority priority = required(row, "priority", row.choice("priority", Priority.class, priorityLabels));
        IntakeChannel channel = required(row, "channel", row.choice("channel", IntakeChannel.class, channelLabels));
        TicketStatus status = row.choice("status", TicketStatus.class, statusLabels);
        String subject = row.requiredText("subject", TicketRules.MAX_SUBJECT);
        String body = row.multilineText("body", TicketRules.MAX_BODY);
        Instant created = row.instant("created_at", true);
        Instant firstReply = row.instant("first_reply_at", false);
        Instant solved = row.instant("solved_at", false);
        Instant closed = row.instant("closed_at", false);
        String assignee = row.text("assignee", TicketRules.MAX_ASSIGNEE);
        List<String> tags = row.raw("tags") == null ? List.of() : TAG_SEPARATORS.splitAsStream(row.raw("tags"))
                .map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
        if (externalId == null || customer == null || type == null || priority == null || channel == null
                || subject == null || created == null) {
            return null;
        }
        var draft = new TicketDraft(channel, customer, Requester.NONE, subject, type, priority, body, tags, List.of(),
                assignee);
        for (FieldProblem problem : TicketRules.problems(draft, people.languages())) {
            String field = problem.field().replaceFirst("\\[.*", "");
            row.refuse(DRAFT_FIELDS.getOrDefault(field, problem.field()), problem.reason().code(),
                    problem.reason().arguments().toArray());
        }
        if (!timesInOrder(row, created, firstReply, solved, closed)) {
            return null;
        }
        TicketStatus finalStatus = status != null ? status : closed != null ? TicketStatus.CLOSED
                : solved != null ? TicketStatus.SOLVED : firstReply != null ? TicketStatus.OPEN : TicketStatus.NEW;
        List<PastTicket.Step> steps = steps(row, finalStatus, assignee, created, firstReply, solved, closed);
        if (steps == null) {
            return null;
        }
        String hash = sha256(Stream.of(externalId, customer, type, priority, channel, finalStatus, subject, body,
                created, firstReply, solved, closed, assignee, String.join(";", tags))
                .map(value -> Objects.toString(value, "")).collect(Collectors.joining("\u001f")));
        return new Row(externalId, new PastTicket(draft, created, ACTOR, steps), hash);
    }

    private static <T> T required(ImportRow row, String field, T value) {
        if (value == null && row.raw(field) == null) {
            row.refuse(field, "problem.required");
        }
        return value;
    }

    /** Each time at or after the one before it, none in the future. */
    private boolean timesInOrder(ImportRow row, Instant created, Instant firstReply, Instant solved, Instant closed) {
        Instant now = time.now();
        boolean ordered = true;
        String earlierField = null;
        Instant earlier = null;
        String[] fields = {"created_at", "first_reply_at", "solved_at", "closed_at"};
        Instant[] times = {created, firstReply, solved, closed};
        for (int i = 0; i < times.length; i++) {
            if (times[i] == null) {
                continue;
            }
            if (times[i].isAfter(now)) {
                row.refuse(fields[i], "problem.import.ticket.future");
                ordered = false;
            } else if (earlier != null && times[i].isBefore(earlier)) {
                row.refuse(fields[i], "problem.import.ticket.before", earlierField);
                ordered = false;
            }
            earlierField = fields[i];
            earlier = times[i];
        }
        return ordered;
    }

    /**
     * What happened after intake, as the status and the times tell it: the first reply, then for a pending status the
     * wait (from the first reply, or intake), for a solved one the solving, for a closed one solving and closing.
     */
    private static List<PastTicket.Step> steps(ImportRow row, TicketStatus status, String assignee, Instant created,
            Instant firstReply, Instant solved, Instant closed) {
        String agent = assignee != null ? assignee : ACTOR;
        if (status == TicketStatus.REOPENED) {
            row.refuse("status", "problem.import.ticket.reopened");
            return null;
        }
        boolean ok = true;
        if (status == TicketStatus.NEW) {
            ok = absent(row, status, "first_reply_at", firstReply);
        }
        if (status != TicketStatus.CLOSED) {
            ok &= absent(row, status, "closed_at", closed);
            if (status != TicketStatus.SOLVED) {
                ok &= absent(row, status, "solved_at", solved);
            }
        }
        if (status == TicketStatus.SOLVED && solved == null) {
            row.refuse("solved_at", "problem.import.ticket.status-needs", status);
            ok = false;
        }
        if (status == TicketStatus.CLOSED && closed == null) {
            row.refuse("closed_at", "problem.import.ticket.status-needs", status);
            ok = false;
        }
        if (!ok) {
            return null;
        }
        var steps = new ArrayList<PastTicket.Step>();
        if (firstReply != null) {
            steps.add(PastTicket.Step.message(firstReply, agent, MessageKind.PUBLIC_REPLY, FIRST_REPLY_BODY));
        }
        switch (status) {
            case OPEN -> {
                if (firstReply == null) {
                    steps.add(PastTicket.Step.status(created, agent, TicketStatus.OPEN));
                }
            }
            case PENDING_CUSTOMER, PENDING_THIRD_PARTY ->
                    steps.add(PastTicket.Step.status(firstReply != null ? firstReply : created, agent, status));
            case SOLVED -> steps.add(PastTicket.Step.status(solved, agent, TicketStatus.SOLVED));
            case CLOSED -> {
                steps.add(PastTicket.Step.status(solved != null ? solved : closed, agent, TicketStatus.SOLVED));
                steps.add(PastTicket.Step.status(closed, agent, TicketStatus.CLOSED));
            }
            default -> { }
        }
        return steps;
    }

    private static boolean absent(ImportRow row, TicketStatus status, String field, Instant value) {
        if (value != null) {
            row.refuse(field, "problem.import.ticket.status-excludes", status);
            return false;
        }
        return true;
    }

    @Override
    public String externalId(Row record) {
        return record.externalId();
    }

    @Override
    public List<Verdict> check(List<Row> records) {
        Set<String> codes = new HashSet<>();
        Set<String> assignees = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Row record : records) {
            codes.add(record.ticket().draft().customer());
            if (record.ticket().draft().assignee() != null) {
                assignees.add(record.ticket().draft().assignee());
            }
            keys.add(KEY_PREFIX + record.externalId());
        }
        Set<String> knownCustomers = codes.stream().filter(code -> customers.find(code).isPresent())
                .collect(Collectors.toSet());
        Set<String> accounts = assignees.stream().filter(name -> people.profile(name).isPresent())
                .collect(Collectors.toSet());
        Map<String, String> imported = repository.claimedHashes(keys);
        return records.stream().map(record -> {
            TicketDraft draft = record.ticket().draft();
            String hash = imported.get(KEY_PREFIX + record.externalId());
            if (hash != null) {
                return hash.equals(record.hash()) ? Verdict.unchanged()
                        : Verdict.refused("external_id", "problem.import.ticket.already-imported",
                        ApiProblems.echo(record.externalId()));
            }
            if (!knownCustomers.contains(draft.customer())) {
                return Verdict.refused("customer_code", "problem.import.no-customer", ApiProblems.echo(draft.customer()));
            }
            if (draft.assignee() != null && !accounts.contains(draft.assignee())) {
                return Verdict.refused("assignee", "problem.import.ticket.no-account", ApiProblems.echo(draft.assignee()));
            }
            return Verdict.create();
        }).toList();
    }

    @Override
    public void write(List<Row> records) {
        for (Row record : records) {
            pastTickets.loadImported(record.ticket(), KEY_PREFIX + record.externalId(), record.hash());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
