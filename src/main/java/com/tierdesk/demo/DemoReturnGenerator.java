package com.tierdesk.demo;

import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLineDraft;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.ticket.IntakeChannel;
import com.tierdesk.ticket.PastReturn;
import com.tierdesk.ticket.PastReturn.Step;
import com.tierdesk.ticket.PublicReturns;
import com.tierdesk.ticket.ReturnDraft;
import com.tierdesk.ticket.ReturnKind;
import com.tierdesk.ticket.ReturnStatus;
import com.tierdesk.ticket.TicketStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's returns, one in each state the RMA board shows: requested 2 hours ago (on track), 20 hours ago (at risk:
 * 18 of its 24 hours gone) and 30 hours ago (breached), one decided late, then received, refunded, rejected and
 * exchanged. Each is for an order of its own with lines, paid two days before the request, so within every tier's
 * return window. The demo's agent replies, receives and inspects; its supervisor decides and refunds.
 */
final class DemoReturnGenerator {

    static final String AGENT = "agent";
    static final String SUPERVISOR = "supervisor";
    static final String ORDER_PREFIX = "OR";
    private static final String CUSTOMER = PublicReturns.CUSTOMER;

    /** A demo return: the order it names, stored first, and the return with its past. */
    record DemoReturn(OrderDraft order, PastReturn past) {
    }

    private final int customers;
    private final Instant now;

    DemoReturnGenerator(int customers, Instant now) {
        this.customers = customers;
        this.now = now;
    }

    /** The returns, the oldest request first. */
    List<DemoReturn> returns() {
        var returns = new ArrayList<DemoReturn>();
        Instant at = now.minus(Duration.ofDays(7));
        add(returns, at, ReturnKind.EXCHANGE, "尺码不合适申请换货，想换大一码", "zh", AGENT,
                lines(line("SKU-TS-M", "纯棉T恤 M码", 2, "158.00"), line("SKU-SK-01", "运动袜三双装", 1, "39.90")),
                Step.reply(at.plus(minutes(25)), AGENT, "您好，已收到您的换货申请，正在为您核实库存。"),
                Step.move(at.plus(hours(4)), SUPERVISOR, ReturnStatus.APPROVED, null),
                Step.move(at.plus(days(2)), AGENT, ReturnStatus.RECEIVED, null),
                Step.move(at.plus(days(2)).plus(hours(2)), AGENT, ReturnStatus.INSPECTED, "吊牌完好，未穿着"),
                Step.move(at.plus(days(2)).plus(hours(3)), AGENT, ReturnStatus.EXCHANGED, "已换发 L 码"),
                Step.ticketStatus(at.plus(days(2)).plus(hours(4)), AGENT, TicketStatus.SOLVED));
        at = now.minus(Duration.ofDays(6));
        add(returns, at, ReturnKind.RETURN, "Return a damaged item: the mug arrived cracked", "en", CUSTOMER,
                lines(line("SKU-MUG-02", "Ceramic mug, set of 2", 1, "89.00"),
                        line("SKU-TEA-10", "Green tea 250 g", 1, "128.00")),
                Step.reply(at.plus(minutes(30)), AGENT, "Sorry to hear that. Please keep the parcel; we are on it."),
                Step.move(at.plus(hours(3)), SUPERVISOR, ReturnStatus.APPROVED, null),
                Step.move(at.plus(days(2)), AGENT, ReturnStatus.RECEIVED, null),
                Step.move(at.plus(days(2)).plus(hours(3)), AGENT, ReturnStatus.INSPECTED, "外包装破损，杯身有裂纹"),
                Step.move(at.plus(days(2)).plus(hours(4)), SUPERVISOR, ReturnStatus.REFUNDED, null),
                Step.ticketStatus(at.plus(days(2)).plus(hours(5)), AGENT, TicketStatus.SOLVED));
        at = now.minus(Duration.ofDays(4));
        add(returns, at, ReturnKind.RETURN, "七天无理由退货：买重复了", "zh", AGENT,
                lines(line("SKU-PB-20", "充电宝 20000mAh", 1, "149.00")),
                Step.reply(at.plus(minutes(40)), AGENT, "您好，已为您登记退货，审核通过后会通知您寄回。"),
                Step.move(at.plus(hours(5)), SUPERVISOR, ReturnStatus.APPROVED, null),
                Step.move(at.plus(days(3)), AGENT, ReturnStatus.RECEIVED, null));
        at = now.minus(Duration.ofDays(3));
        add(returns, at, ReturnKind.RETURN, "用了一个月，不喜欢了", "zh", AGENT,
                lines(line("SKU-KB-87", "机械键盘 87键", 1, "399.00")),
                Step.reply(at.plus(hours(1)), AGENT, "您好，我们正在审核您的退货申请。"),
                Step.move(at.plus(hours(9)), SUPERVISOR, ReturnStatus.REJECTED, "商品已使用一个月，不符合无理由退货条件"),
                Step.ticketStatus(at.plus(hours(10)), AGENT, TicketStatus.SOLVED));
        at = now.minus(Duration.ofDays(3)).plus(hours(5));
        add(returns, at, ReturnKind.EXCHANGE, "Exchange for a larger size, the shoes are too small", "en", AGENT,
                lines(line("SKU-RUN-42", "Running shoes, EU 42", 1, "459.00")),
                Step.reply(at.plus(hours(2)), AGENT, "Thanks, we have logged your exchange request."),
                Step.move(at.plus(hours(27)), SUPERVISOR, ReturnStatus.APPROVED, null));
        at = now.minus(hours(30));
        add(returns, at, ReturnKind.RETURN, "蓝牙耳机左耳没有声音", "zh", AGENT,
                lines(line("SKU-BT-EAR", "蓝牙耳机", 1, "299.00"), line("SKU-CASE-01", "耳机保护套", 1, "29.90")));
        at = now.minus(hours(20));
        add(returns, at, ReturnKind.EXCHANGE, "Wrong colour delivered, I ordered the blue one", "en", CUSTOMER,
                lines(line("SKU-BAG-BL", "Canvas backpack, blue", 1, "219.00")),
                Step.reply(at.plus(hours(1)), AGENT, "Sorry for the mix-up, we are checking the stock in blue."));
        at = now.minus(hours(2));
        add(returns, at, ReturnKind.RETURN, "尺码偏小，想退货", "zh", CUSTOMER,
                lines(line("SKU-JK-S", "防风夹克 S码", 1, "329.00"), line("SKU-CAP-01", "棒球帽", 1, "59.00")));
        return returns;
    }

    /** A return of the first line of a new order of its own, paid two days before the request. */
    private void add(List<DemoReturn> returns, Instant requested, ReturnKind kind, String reason, String language,
            String by, List<OrderLineDraft> lines, Step... steps) {
        int n = returns.size() + 1;
        String order = "%s%08d".formatted(ORDER_PREFIX, n);
        String customer = DemoDataGenerator.code(1 + (n * 97) % customers);
        Instant placed = requested.minus(days(2)).minus(hours(1));
        BigDecimal amount = lines.stream().map(OrderLineDraft::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var orderDraft = new OrderDraft(order, customer, amount, null, placed, placed.plus(minutes(10)),
                OrderStatus.DELIVERED, lines);
        var draft = new ReturnDraft(order, kind, reason, List.of(new ReturnDraft.LineDraft(1, lines.get(0).quantity())),
                null, language);
        IntakeChannel channel = CUSTOMER.equals(by) ? IntakeChannel.WEB_FORM : IntakeChannel.API;
        returns.add(new DemoReturn(orderDraft, new PastReturn(draft, channel, requested, by, List.of(steps))));
    }

    private static List<OrderLineDraft> lines(OrderLineDraft... lines) {
        return List.of(lines);
    }

    private static OrderLineDraft line(String code, String name, int quantity, String amount) {
        return new OrderLineDraft(code, name, quantity, new BigDecimal(amount));
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }
}
