package com.tierdesk.demo;

import static com.tierdesk.demo.DemoVocabulary.*;

import com.tierdesk.shared.IsoText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes demo customers, orders and interactions as import files. Spend is spread like a real
 * shop's: a log-normal activity and basket size per customer give many small customers and a few
 * large ones; some customers stopped buying months ago. Deterministic for a seed, and fast
 * (plain string building, no per-row formatting objects) so that it can write the 20,000,000
 * orders of the import benchmark.
 */
final class DemoDataGenerator {

    static final String CUSTOMER_HEADER = "code,name,kind,industry,contact_person,phone,email,region,birthday,"
            + "registered_on,membership_expires_on,owner,consent_marketing,consent_sms,consent_email,tags";
    static final String ORDER_HEADER = "external_id,customer_code,amount,refund_amount,placed_at,paid_at,status";
    static final String INTERACTION_HEADER = "external_id,customer_code,kind,occurred_at,channel,subject,detail,"
            + "product,usage_hours,feature_activation_rate,referred_customer_code";

    private static final long DAY = 86_400;
    private static final int HISTORY_DAYS = 730;
    private static final int BUFFER = 1 << 20;
    /** Spread of the log-normal activity; the factor is scaled to a mean of 1 so that orders average the spec's figure. */
    private static final double ACTIVITY_SPREAD = 0.9;

    private final DemoDataSpec spec;
    private final SplittableRandom random;
    private final long endOfHistory;
    private final StringBuilder line = new StringBuilder(256);
    private long orderSequence;
    private long interactionSequence;

    DemoDataGenerator(DemoDataSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.endOfHistory = spec.asOf().atTime(LocalTime.of(20, 0)).toEpochSecond(ZoneOffset.ofHours(8));
    }

    DemoFiles write(Path directory, LongConsumer customersDone) throws IOException {
        Files.createDirectories(directory);
        Path customers = directory.resolve("customers.csv");
        Path orders = directory.resolve("orders.csv");
        Path interactions = directory.resolve("interactions.csv");
        try (Writer customerOut = writer(customers); Writer orderOut = writer(orders);
                Writer interactionOut = writer(interactions)) {
            customerOut.write(CUSTOMER_HEADER + "\n");
            orderOut.write(ORDER_HEADER + "\n");
            interactionOut.write(INTERACTION_HEADER + "\n");
            for (int index = 1; index <= spec.customers(); index++) {
                CustomerProfile customer = customer(index);
                writeCustomer(customerOut, customer);
                writeOrders(orderOut, customer);
                writeInteractions(interactionOut, customer);
                if (index % 10_000 == 0 || index == spec.customers()) {
                    customersDone.accept(index);
                }
            }
        }
        return new DemoFiles(customers, orders, interactions, spec.customers(), orderSequence, interactionSequence);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), BUFFER);
    }

    /** What the generator decided about one customer before writing its rows. */
    private record CustomerProfile(int index, String code, boolean company, Industry industry, double activity,
            double basket, long firstDay, long lastDay) {
    }

    private CustomerProfile customer(int index) {
        boolean company = random.nextDouble() < 0.2;
        Industry industry = pick(INDUSTRIES);
        double activity = logNormal(ACTIVITY_SPREAD) * Math.exp(-ACTIVITY_SPREAD * ACTIVITY_SPREAD / 2);
        double basket = logNormal(0.6) * (company ? industry.orderSizeFactor() : 1.0);
        long historyStart = endOfHistory - HISTORY_DAYS * DAY;
        long firstDay = historyStart + (long) (random.nextDouble() * (HISTORY_DAYS - 1) * DAY);
        boolean lapsed = random.nextDouble() < 0.15;
        long lastDay = lapsed ? firstDay + (long) (random.nextDouble() * (endOfHistory - firstDay)) : endOfHistory;
        return new CustomerProfile(index, code(index), company, industry, activity, basket, firstDay, lastDay);
    }

    static String code(int index) {
        String digits = Integer.toString(index);
        return "C" + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    private void writeCustomer(Writer out, CustomerProfile customer) throws IOException {
        StringBuilder b = line;
        b.setLength(0);
        boolean english = random.nextDouble() < 0.12;
        String person = english ? pick(ENGLISH_FIRST) + " " + pick(ENGLISH_LAST)
                : pick(CHINESE_SURNAMES) + pick(CHINESE_GIVEN);
        String name = customer.company() ? companyName(customer.industry(), english) : person;
        b.append(customer.code()).append(',').append(name).append(',')
                .append(customer.company() ? "COMPANY" : "PERSON").append(',')
                .append(customer.industry().code()).append(',')
                .append(customer.company() ? person : "").append(',');
        appendMobile(b);
        b.append(',');
        if (random.nextDouble() < 0.9) {
            b.append(english ? "contact" : pick(PINYIN_SURNAMES)).append('.').append(customer.code().toLowerCase())
                    .append(customer.company() ? "@corp.example.cn" : "@example.com");
        }
        b.append(',').append(pick(REGIONS)).append(',');
        if (!customer.company() && random.nextDouble() < 0.8) {
            IsoText.appendDate(b, (endOfHistory / DAY) - 365L * (18 + random.nextInt(50)) - random.nextInt(365));
        }
        b.append(',');
        IsoText.appendDate(b, customer.firstDay() / DAY - random.nextInt(60));
        b.append(',');
        if (random.nextDouble() < 0.3) {
            IsoText.appendDate(b, endOfHistory / DAY + random.nextInt(400) - 30);
        }
        b.append(',');
        if (customer.company() && customer.basket() > 3.0) {
            b.append("manager");
        }
        b.append(',').append(random.nextDouble() < 0.6).append(',').append(random.nextDouble() < 0.5)
                .append(',').append(random.nextDouble() < 0.7).append(',');
        int tags = random.nextInt(3);
        for (int t = 0; t < tags; t++) {
            String tag = pick(TAGS);
            if (b.indexOf(tag, b.lastIndexOf(",")) < 0) {
                b.append(t == 0 ? "" : ";").append(tag);
            }
        }
        b.append('\n');
        out.append(b);
    }

    private String companyName(Industry industry, boolean english) {
        if (english) {
            return pick(ENGLISH_COMPANY_WORDS) + " " + industry.code().substring(0, 1).toUpperCase()
                    + industry.code().substring(1) + " Ltd";
        }
        return pick(COMPANY_PLACES) + pick(COMPANY_WORDS) + industry.suffix();
    }

    private void appendMobile(StringBuilder b) {
        b.append('1').append((char) ('3' + random.nextInt(7)));
        for (int i = 0; i < 9; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
    }

    private void writeOrders(Writer out, CustomerProfile customer) throws IOException {
        int count = spec.ordersPerCustomer() == 0 ? 0
                : Math.max(1, (int) Math.round(spec.ordersPerCustomer() * customer.activity()));
        long span = Math.max(DAY, customer.lastDay() - customer.firstDay());
        for (int i = 0; i < count; i++) {
            long placed = customer.firstDay() + (i == 0 ? 0 : (long) (random.nextDouble() * span));
            long cents = Math.max(100, Math.round(12_000 * customer.basket() * logNormal(0.7)));
            writeOrder(out, customer.code(), placed, cents);
        }
    }

    private void writeOrder(Writer out, String customerCode, long placed, long cents) throws IOException {
        StringBuilder b = line;
        b.setLength(0);
        double fate = random.nextDouble();
        long paid = placed + paymentDelaySeconds();
        long refundCents = 0;
        String status;
        if (fate < 0.03) {
            status = "PLACED";
            paid = -1;
        } else if (fate < 0.05) {
            status = "CANCELLED";
            paid = -1;
        } else if (fate < 0.065) {
            status = "REFUNDED";
            refundCents = cents;
        } else {
            long age = endOfHistory - placed;
            status = age > 7 * DAY ? "DELIVERED" : age > DAY ? "SHIPPED" : "PAID";
            if (fate < 0.08) {
                refundCents = cents * (10 + random.nextInt(41)) / 100;
            }
        }
        b.append('O').append(padded(++orderSequence, 10)).append(',').append(customerCode).append(',');
        appendCents(b, cents);
        b.append(',');
        appendCents(b, refundCents);
        b.append(',');
        appendChinaTime(b, placed);
        b.append(',');
        if (paid >= 0) {
            appendChinaTime(b, Math.min(paid, endOfHistory));
        }
        b.append(',').append(status).append('\n');
        out.append(b);
    }

    /** Most pay within the hour, some within three hours, a few later (the order speed bands of docs/metrics.md). */
    private long paymentDelaySeconds() {
        double speed = random.nextDouble();
        if (speed < 0.7) {
            return 60 + random.nextInt(59 * 60);
        }
        if (speed < 0.92) {
            return 3600 + random.nextInt(2 * 3600);
        }
        return 3 * 3600 + random.nextInt(21 * 3600);
    }

    private void writeInteractions(Writer out, CustomerProfile customer) throws IOException {
        int count = (int) Math.round(customer.activity() * 1.5 * random.nextDouble() * 2);
        for (int i = 0; i < count; i++) {
            StringBuilder b = line;
            b.setLength(0);
            long at = customer.firstDay() + (long) (random.nextDouble() * (endOfHistory - customer.firstDay()));
            double k = random.nextDouble();
            b.append('I').append(padded(++interactionSequence, 10)).append(',').append(customer.code()).append(',');
            String channel = pick(CHANNELS);
            if (k < 0.40) {
                interaction(b, "INQUIRY", at, channel, pick(INQUIRY_SUBJECTS), "", "", "");
            } else if (k < 0.50) {
                interaction(b, "COMPLAINT", at, channel, pick(COMPLAINT_SUBJECTS), "", "", "");
            } else if (k < 0.58) {
                interaction(b, "FEEDBACK", at, channel, "产品建议", "", "", "");
            } else if (k < 0.66) {
                interaction(b, "PRAISE", at, channel, "服务很好", "", "", "");
            } else if (k < 0.72) {
                interaction(b, "EVENT", at, "event", "新品发布会", "", "", "");
            } else if (k < 0.77) {
                interaction(b, "REFERRAL", at, channel, "推荐新客户", "", "",
                        code(1 + random.nextInt(spec.customers())));
            } else if (k < 0.89) {
                String usage = (1 + random.nextInt(200)) + ".5";
                String activation = "0." + (10 + random.nextInt(90));
                interaction(b, "PRODUCT_USAGE", at, "app", "", pick(PRODUCTS), usage + "," + activation, "");
            } else if (k < 0.96) {
                interaction(b, "CART_WITHOUT_PURCHASE", at, "app", "", pick(PRODUCTS), "", "");
            } else {
                interaction(b, "FAVOURITE_WITHOUT_PURCHASE", at, "web", "", pick(PRODUCTS), "", "");
            }
            out.append(b);
        }
    }

    /** Appends kind,occurred_at,channel,subject,detail,product,usage_hours,feature_activation_rate,referred. */
    private static void interaction(StringBuilder b, String kind, long at, String channel, String subject,
            String product, String usage, String referred) {
        b.append(kind).append(',');
        appendChinaTime(b, at);
        b.append(',').append(channel).append(',').append(subject).append(",,").append(product).append(',');
        b.append(usage.isEmpty() ? "," : usage).append(',').append(referred).append('\n');
    }

    /** ISO-8601 with the +08:00 offset of China Standard Time (no daylight saving since 1991). */
    private static void appendChinaTime(StringBuilder b, long epochSecond) {
        long local = epochSecond + 8 * 3600;
        IsoText.appendDate(b, Math.floorDiv(local, DAY));
        b.append('T');
        IsoText.appendClock(b, (int) Math.floorMod(local, DAY));
        b.append("+08:00");
    }

    private static void appendCents(StringBuilder b, long cents) {
        b.append(cents / 100).append('.');
        long rest = cents % 100;
        b.append((char) ('0' + rest / 10)).append((char) ('0' + rest % 10));
    }

    private static String padded(long value, int width) {
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A log-normal factor with median 1 and the given spread. */
    private double logNormal(double sigma) {
        return Math.exp(sigma * gaussian());
    }

    private double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
