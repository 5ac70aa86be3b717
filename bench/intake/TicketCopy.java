import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Generates the rows of COUNT past tickets as CSV for COPY, one table at a time, so that the intake benchmarks run on a
 * database that holds a large history:
 *
 * <pre>
 * java TicketCopy.java columns        # each table with its columns, one a line
 * java TicketCopy.java TABLE COUNT CUSTOMERS_CSV NOW POLICY | psql -c "\copy TABLE (columns) FROM STDIN (FORMAT csv)"
 * </pre>
 *
 * TABLE is ticket, ticket_sla_event, ticket_sla_target, ticket_message, ticket_timeline or ticket_intake_key;
 * CUSTOMERS_CSV holds "id,code,tier" of the customers; NOW is the instant
 * the history ends; POLICY the SLA policy version of every ticket. Ticket n (1..COUNT) is the same in every table: opened (90 days ago .. NOW) in order, by a customer
 * taken round the list, with its first customer message, its timeline entry, its CREATED clock event, four targets and
 * an intake key. Those opened more than 7 days ago are closed (solved a day after they opened, their targets met); of
 * the rest, a fifth each is new, open, pending on the customer, solved and open again.
 */
public class TicketCopy {

    static final List<String> COLUMNS = List.of(
            "ticket (id, customer_id, customer_code, channel, requester_name, requester_email, requester_phone, subject, "
                    + "type, priority, status, assignee, tier, policy_version, created_at, updated_at, solved_at, version)",
            "ticket_sla_event (ticket_id, position, at, kind, tier)",
            "ticket_sla_target (ticket_id, target, tier, due_at, achieved_at, paused_seconds, status, running, updated_at)",
            "ticket_message (id, ticket_id, kind, author, body, at)",
            "ticket_timeline (id, ticket_id, at, actor, code, arguments)",
            "ticket_intake_key (idempotency_key, request_sha256, ticket_id, created_at)");

    private static final Duration HISTORY = Duration.ofDays(90);
    private static final Duration RECENT = Duration.ofDays(7);
    private static final String[] CHANNELS = {"API", "WEB_FORM", "APP", "PHONE", "EMAIL", "SOCIAL", "CHAT"};
    private static final String[] TYPES = {"INQUIRY", "COMPLAINT", "URGENT_REQUEST", "TECHNICAL_ISSUE", "RETURN_EXCHANGE"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    private static final String[] RECENT_STATUSES = {"NEW", "OPEN", "PENDING_CUSTOMER", "SOLVED", "OPEN"};
    private static final String[] TARGETS = {"FIRST_RESPONSE", "NEXT_REPLY", "PERIODIC_UPDATE", "RESOLUTION"};
    private static final long[] TARGET_HOURS = {8, 8, 24, 24};

    private final long count;
    private final String[][] customers;
    private final Instant now;
    private final int policy;

    TicketCopy(long count, String[][] customers, Instant now, int policy) {
        this.count = count;
        this.customers = customers;
        this.now = now;
        this.policy = policy;
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("columns")) {
            COLUMNS.forEach(System.out::println);
            return;
        }
        String[][] customers = Files.readAllLines(Path.of(args[2])).stream().map(line -> line.split(","))
                .toArray(String[][]::new);
        var copy = new TicketCopy(Long.parseLong(args[1]), customers, Instant.parse(args[3]),
                Integer.parseInt(args[4]));
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (long n = 1; n <= copy.count; n++) {
                copy.write(args[0], n, out);
            }
        }
    }

    private void write(String table, long n, Writer out) throws IOException {
        String[] customer = customers[(int) ((n - 1) % customers.length)];
        String tier = customer[2];
        Instant created = now.minus(HISTORY).plusMillis(HISTORY.toMillis() * n / count);
        boolean closed = created.isBefore(now.minus(RECENT));
        String status = closed ? "CLOSED" : RECENT_STATUSES[(int) (n % RECENT_STATUSES.length)];
        Instant solved = closed || status.equals("SOLVED") ? created.plus(Duration.ofDays(1)) : null;
        String at = created.toString();
        switch (table) {
            case "ticket" -> line(out, n, customer[0], customer[1], CHANNELS[(int) (n % CHANNELS.length)], "Li Lei",
                    "li.lei@example.com", "+86 138 0000 0000", "Request preload-" + n, TYPES[(int) (n % TYPES.length)],
                    PRIORITIES[(int) (n / 7 % PRIORITIES.length)], status,
                    status.equals("NEW") ? "" : "agent" + (n % 50), tier, policy, at, solved == null ? at : solved.toString(),
                    solved == null ? "" : solved.toString(), status.equals("NEW") ? 0 : closed ? 3 : 1);
            case "ticket_sla_event" -> line(out, n, 0, at, "CREATED", tier);
            case "ticket_sla_target" -> {
                for (int t = 0; t < TARGETS.length; t++) {
                    Instant due = created.plus(Duration.ofHours(TARGET_HOURS[t]));
                    boolean met = solved != null || (t == 0 && !status.equals("NEW"));
                    String state = met ? "MET" : due.isBefore(now) ? "BREACHED" : "ON_TRACK";
                    line(out, n, TARGETS[t], tier, due, met ? created.plus(Duration.ofHours(1)) : "", 0, state,
                            !met && !status.equals("PENDING_CUSTOMER"), solved == null ? at : solved.toString());
                }
            }
            case "ticket_message" -> line(out, n, n, "CUSTOMER_MESSAGE", "Li Lei",
                    "The parcel came with a broken seal and the screen is cracked. Please send a replacement.", at);
            case "ticket_timeline" -> line(out, n, n, at, "bench-intake", "ticket.timeline.created",
                    "\"[\"\"" + CHANNELS[(int) (n % CHANNELS.length)] + "\"\"]\"");
            case "ticket_intake_key" -> line(out, "preload-" + n, String.format("%064x", n), n, at);
            default -> throw new IllegalArgumentException("unknown table " + table);
        }
    }

    private static void line(Writer out, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(String.valueOf(values[i]));
        }
        out.write('\n');
    }
}
