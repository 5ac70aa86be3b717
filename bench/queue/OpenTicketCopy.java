import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates COUNT open tickets as CSV for COPY, one table at a time, for the queue benchmark (the intake benchmarks'
 * TicketCopy.java writes a history that is mostly closed; this writes a backlog that is all open):
 *
 * <pre>
 * java OpenTicketCopy.java columns        # each table with its columns, one a line
 * java OpenTicketCopy.java agent COUNT    # the account name of an agent with about 200 of the tickets
 * java OpenTicketCopy.java TABLE COUNT NOW POLICY | psql -c "\copy TABLE (columns) FROM STDIN (FORMAT csv)"
 * </pre>
 *
 * TABLE is ticket, ticket_sla_event or ticket_sla_target; NOW the instant the targets were last worked out; POLICY the
 * SLA policy version of every ticket. Ticket n (1..COUNT) is the same in every table. Tiers VIP 5 %, KEY 15 %, REGULAR
 * 60 %, WATCH 20 %; five types, six channels; statuses NEW 30 %, OPEN 40 %, REOPENED 15 %, pending on the customer
 * 10 % and on a third party 5 %; one in twenty unassigned, the others spread over agents ("agent-0000", ...) with
 * about 200 each. Each has a running resolution target (4, 8, 24 or 48 hours by tier, at risk after 75 % of it), a new
 * one also a running first response (30 minutes to 4 hours), the others met it. A ticket is somewhere between its
 * start and a quarter past its running target's span, so that about 60 % are on track, 20 % at risk and 20 %
 * breached; a pending one's resolution is paused on track or at risk. The targets have the shape the SLA clock
 * stores (status, at-risk instant, paused) but the spans are the ones above, on the clock's hours, not the policy's.
 */
public class OpenTicketCopy {

    static final List<String> COLUMNS = List.of(
            "ticket (id, customer_id, customer_code, channel, requester_name, subject, type, priority, status, assignee, "
                    + "tier, policy_version, created_at, updated_at, version)",
            "ticket_sla_event (ticket_id, position, at, kind, tier)",
            "ticket_sla_target (ticket_id, target, tier, due_at, achieved_at, paused_seconds, status, running, "
                    + "updated_at, at_risk_at, paused)");

    private static final String[] CHANNELS = {"PHONE", "CHAT", "EMAIL", "SOCIAL", "WEB_FORM", "API"};
    private static final String[] TYPES = {"INQUIRY", "COMPLAINT", "URGENT_REQUEST", "TECHNICAL_ISSUE", "RETURN_EXCHANGE"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "NORMAL", "HIGH", "URGENT"};
    private static final double AT_RISK = 0.75;
    private static final double LATEST = 1.25;
    private static final int PER_AGENT = 200;

    private final long count;
    private final Instant now;
    private final int policy;
    private final long agents;

    OpenTicketCopy(long count, Instant now, int policy) {
        this.count = count;
        this.now = now;
        this.policy = policy;
        this.agents = Math.max(1, assigned(count) / PER_AGENT);
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("columns")) {
            COLUMNS.forEach(System.out::println);
            return;
        }
        if (args[0].equals("agent")) {
            long agents = Math.max(1, assigned(Long.parseLong(args[1])) / PER_AGENT);
            System.out.println(agent(Math.min(42, agents - 1)));
            return;
        }
        var copy = new OpenTicketCopy(Long.parseLong(args[1]), Instant.parse(args[2]), Integer.parseInt(args[3]));
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            long assignedSoFar = 0;
            for (long n = 1; n <= copy.count; n++) {
                String assignee = unassigned(n) ? "" : agent(assignedSoFar++ % copy.agents);
                copy.write(args[0], n, assignee, out);
            }
        }
    }

    private static boolean unassigned(long n) {
        return n / 3 % 20 == 0;
    }

    private static long assigned(long count) {
        long assigned = 0;
        for (long n = 1; n <= count; n++) {
            assigned += unassigned(n) ? 0 : 1;
        }
        return assigned;
    }

    private static String agent(long index) {
        return String.format("agent-%04d", index);
    }

    private void write(String table, long n, String assignee, Writer out) throws IOException {
        int band = (int) (n % 20);
        String tier = band == 0 ? "VIP" : band < 4 ? "KEY" : band < 16 ? "REGULAR" : "WATCH";
        int statusBand = (int) (n / 7 % 20);
        String status = statusBand < 6 ? "NEW" : statusBand < 14 ? "OPEN" : statusBand < 16 ? "PENDING_CUSTOMER"
                : statusBand < 17 ? "PENDING_THIRD_PARTY" : "REOPENED";
        boolean pending = status.startsWith("PENDING");
        Duration resolution = Duration.ofMinutes(switch (tier) {
            case "VIP" -> 240;
            case "KEY" -> 480;
            case "REGULAR" -> 1440;
            default -> 2880;
        });
        Duration firstResponse = resolution.dividedBy(8);
        // where the ticket is in its life: a share of the span of the target that decides its risk
        double share = (n * 2654435761L % 4294967296L) / 4294967296.0;
        Duration age = status.equals("NEW") ? scaled(firstResponse, share * LATEST)
                : scaled(resolution, pending ? share : share * LATEST);
        Instant created = now.minus(age);
        Instant replied = created.plus(firstResponse.dividedBy(2));
        switch (table) {
            case "ticket" -> line(out, n, n % 50000 + 1, String.format("C%06d", n % 50000 + 1),
                    CHANNELS[(int) (n / 100 % CHANNELS.length)], "客户 " + n, "工单 " + n,
                    TYPES[(int) (n / 20 % TYPES.length)], PRIORITIES[(int) (n / 3 % PRIORITIES.length)], status,
                    assignee, tier, policy, created, now, status.equals("NEW") ? 0 : 2);
            case "ticket_sla_event" -> {
                var events = new ArrayList<String>();
                events.add(created + ",CREATED," + tier);
                if (!status.equals("NEW")) {
                    events.add(replied + ",AGENT_PUBLIC_REPLY,");
                }
                if (pending) {
                    events.add(now.minus(age.dividedBy(4)) + ","
                            + (status.equals("PENDING_CUSTOMER") ? "PENDING_ON_CUSTOMER" : "PENDING_ON_THIRD_PARTY") + ",");
                }
                if (status.equals("REOPENED")) {
                    events.add(replied.plusSeconds(60) + ",SOLVED,");
                    events.add(replied.plusSeconds(120) + ",REOPENED,");
                }
                for (int position = 0; position < events.size(); position++) {
                    line(out, n, position, events.get(position));
                }
            }
            case "ticket_sla_target" -> {
                if (status.equals("NEW")) {
                    running(out, n, "FIRST_RESPONSE", tier, created, firstResponse, false);
                } else {
                    line(out, n, "FIRST_RESPONSE", tier, created.plus(firstResponse), replied, 0, "MET", false, now, "",
                            false);
                }
                running(out, n, "RESOLUTION", tier, created, resolution, pending);
            }
            default -> throw new IllegalArgumentException("unknown table " + table);
        }
    }

    /**
     * A running target started at {@code start} with this span, as the clock stores it at NOW: breached once its due
     * has passed, at risk after 75 % of the span (its at-risk instant then NOW, as a replay at NOW records it), on
     * track before (its at-risk instant to come); a paused one is due where it would fall if it ran on from NOW and
     * has no at-risk instant to come.
     */
    private void running(Writer out, long n, String target, String tier, Instant start, Duration span, boolean paused)
            throws IOException {
        Duration elapsed = Duration.between(start, now);
        Instant due = start.plus(span);
        String status = !elapsed.minus(span).isNegative() ? "BREACHED"
                : elapsed.compareTo(scaled(span, AT_RISK)) >= 0 ? "AT_RISK" : "ON_TRACK";
        Object atRisk = status.equals("ON_TRACK") ? (paused ? "" : start.plus(scaled(span, AT_RISK))) : now;
        line(out, n, target, tier, due, "", 0, status, true, now, atRisk, paused);
    }

    private static Duration scaled(Duration span, double share) {
        return Duration.ofSeconds(Math.round(span.toSeconds() * share));
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
