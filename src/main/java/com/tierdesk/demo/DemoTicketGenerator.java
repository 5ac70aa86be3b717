package com.tierdesk.demo;

import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.MessageKind;
import com.tierdesk.ticket.PastTicket;
import com.tierdesk.ticket.PastTicket.Step;
import com.tierdesk.ticket.Requester;
import com.tierdesk.ticket.TicketDraft;
import com.tierdesk.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo tickets over the last three months, seeded: across types, priorities and channels, most of them answered and
 * solved, the last few days' still open (some not answered yet, so at risk or breached, some waiting on the
 * customer, a few in the unassigned queue). The demo's people (agent, senior, manager) have them. A requester speaks
 * the language their subject is written in.
 */
final class DemoTicketGenerator {

    static final Duration HISTORY = Duration.ofDays(90);
    static final Duration STILL_OPEN = Duration.ofDays(3);
    /** Who took the tickets in and wrote the customers' messages: the integration the demo shop stands for. */
    static final String SOURCE = "demo-data";
    private static final List<String> PEOPLE = List.of("agent", "senior", "manager");
    private static final Map<TicketType, List<String>> SUBJECTS = Map.of(
            TicketType.INQUIRY, DemoVocabulary.INQUIRY_SUBJECTS,
            TicketType.COMPLAINT, DemoVocabulary.COMPLAINT_SUBJECTS,
            TicketType.TECHNICAL_ISSUE, List.of("App 无法登录", "Payment page error", "订单状态不更新", "发票下载失败"),
            TicketType.URGENT_REQUEST, List.of("订单地址紧急修改", "Cancel order before shipping", "加急发货"),
            TicketType.RETURN_EXCHANGE, List.of("尺码不合适申请换货", "Return a damaged item", "七天无理由退货"));
    private static final List<String> REPLIES = List.of("您好，已收到您的问题，正在为您核实。",
            "Thank you for reaching out, we are looking into it.", "已为您处理完毕，请查收。", "已安排补发，预计两天内送达。");
    private static final List<String> CUSTOMER_LINES = List.of("好的，谢谢。", "还没有收到，请再看看。",
            "Thanks, that works.", "请尽快处理。");

    private final Random random;
    private final int customers;
    private final Instant now;
    private final ZoneId zone;

    DemoTicketGenerator(long seed, int customers, Instant now, ZoneId zone) {
        this.random = new Random(seed);
        this.customers = customers;
        this.now = now;
        this.zone = zone;
    }

    /** {@code count} tickets, oldest first. */
    List<PastTicket> tickets(int count) {
        var tickets = new ArrayList<PastTicket>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(ticket(i));
        }
        tickets.sort(Comparator.comparing(PastTicket::openedAt));
        return tickets;
    }

    private PastTicket ticket(int index) {
        Instant opened = openedAt();
        TicketType type = type();
        boolean open = Duration.between(opened, now).compareTo(STILL_OPEN) < 0;
        String assignee = open && index % 25 == 0 ? null : PEOPLE.get(index % PEOPLE.size());
        String customer = DemoDataGenerator.code(1 + random.nextInt(customers));
        IntakeChannel channel = channel();
        String requester = requester();
        String subject = pick(SUBJECTS.get(type));
        var draft = new TicketDraft(channel, customer, new Requester(requester, null, null, languageOf(subject)),
                subject, type, priority(), pick(CUSTOMER_LINES), List.of(), List.of(), assignee);
        String agent = assignee == null ? PEOPLE.get(0) : assignee;
        List<Step> steps = open ? openSteps(opened, agent) : solvedSteps(opened, agent);
        return new PastTicket(draft, opened, SOURCE, steps.stream().filter(step -> step.at().isBefore(now)).toList());
    }

    /**
     * Answered within hours, sometimes after waiting on the customer, and solved within days; the steps still to come
     * are left out, so that a ticket of a few days ago may be open yet.
     */
    private List<Step> solvedSteps(Instant opened, String agent) {
        var steps = new ArrayList<Step>();
        Instant at = opened.plus(minutes(10, 360));
        steps.add(Step.message(at, agent, MessageKind.PUBLIC_REPLY, pick(REPLIES)));
        if (random.nextDouble() < 0.3) {
            steps.add(Step.status(at = at.plusSeconds(60), agent, TicketStatus.PENDING_CUSTOMER));
            steps.add(Step.message(at = at.plus(minutes(30, 1440)), SOURCE, MessageKind.CUSTOMER_MESSAGE,
                    pick(CUSTOMER_LINES)));
            steps.add(Step.message(at = at.plus(minutes(10, 240)), agent, MessageKind.PUBLIC_REPLY, pick(REPLIES)));
        }
        steps.add(Step.status(at.plus(minutes(30, 2880)), agent, TicketStatus.SOLVED));
        return steps;
    }

    /** Still open: not answered yet (at risk or breached), answered, or waiting on the customer. */
    private List<Step> openSteps(Instant opened, String agent) {
        double roll = random.nextDouble();
        if (roll < 0.45) {
            return List.of();
        }
        Instant replied = earlierOf(opened.plus(minutes(5, 240)), now.minusSeconds(60));
        var reply = Step.message(replied, agent, MessageKind.PUBLIC_REPLY, pick(REPLIES));
        return roll < 0.8 ? List.of(reply)
                : List.of(reply, Step.status(replied.plusSeconds(30), agent, TicketStatus.PENDING_CUSTOMER));
    }

    /**
     * Mostly in the shop's hours, more of them recently; at least five minutes ago, so that an open ticket's reply
     * (a minute before now at the latest) comes after it.
     */
    private Instant openedAt() {
        long daysAgo = (long) (HISTORY.toDays() * Math.pow(random.nextDouble(), 1.6));
        var day = now.atZone(zone).toLocalDate().minusDays(daysAgo);
        Instant at = day.atTime(8 + random.nextInt(13), random.nextInt(60)).atZone(zone).toInstant();
        return at.isAfter(now.minus(Duration.ofMinutes(5))) ? now.minus(minutes(5, 600)) : at;
    }

    private TicketType type() {
        double roll = random.nextDouble();
        return roll < 0.4 ? TicketType.INQUIRY : roll < 0.6 ? TicketType.TECHNICAL_ISSUE
                : roll < 0.75 ? TicketType.COMPLAINT : roll < 0.9 ? TicketType.RETURN_EXCHANGE
                : TicketType.URGENT_REQUEST;
    }

    private Priority priority() {
        double roll = random.nextDouble();
        return roll < 0.15 ? Priority.LOW : roll < 0.7 ? Priority.NORMAL : roll < 0.92 ? Priority.HIGH
                : Priority.URGENT;
    }

    private IntakeChannel channel() {
        double roll = random.nextDouble();
        return roll < 0.25 ? IntakeChannel.PHONE : roll < 0.45 ? IntakeChannel.CHAT : roll < 0.65 ? IntakeChannel.EMAIL
                : roll < 0.75 ? IntakeChannel.SOCIAL : roll < 0.85 ? IntakeChannel.WEB_FORM
                : roll < 0.95 ? IntakeChannel.APP : IntakeChannel.API;
    }

    /** The requester writes in the subject's language: Chinese when it has Chinese characters, else English. */
    private static String languageOf(String subject) {
        return subject.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh"
                : "en";
    }

    private String requester() {
        return pick(DemoVocabulary.CHINESE_SURNAMES) + pick(DemoVocabulary.CHINESE_GIVEN);
    }

    private Duration minutes(int least, int most) {
        return Duration.ofMinutes(least + random.nextInt(most - least + 1));
    }

    private static Instant earlierOf(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
