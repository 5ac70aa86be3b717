package com.tierdesk.ticket;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrder;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.FieldRules;
import com.tierdesk.customer.OrderLine;
import com.tierdesk.notification.NotificationDraft;
import com.tierdesk.notification.Notifications;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.JdbcTimestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns requested by customers themselves, without signing in: they prove who they are with the order number, the
 * email address or phone number on the order, and a 6-digit code sent to the order's email address. Nothing tells
 * whether an order exists: a wrong order number and a wrong contact look the same as a right one. Attempts are
 * limited per order and per client address in an hour; a code lasts 15 minutes and takes 5 tries.
 */
@Service
public class PublicReturns {

    public static final int CODES_PER_ORDER_AN_HOUR = 5;
    public static final int ATTEMPTS_PER_ADDRESS_AN_HOUR = 20;
    public static final int TRIES_PER_CODE = 5;
    public static final Duration CODE_LASTS = Duration.ofMinutes(15);
    /** Who the timeline names for a request the customer made. */
    public static final String CUSTOMER = "customer";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CustomerOrders orders;
    private final Customers customers;
    private final Returns returns;
    private final Notifications notifications;
    private final BusinessTime time;

    PublicReturns(JdbcClient jdbc, CustomerOrders orders, Customers customers, Returns returns,
            Notifications notifications, BusinessTime time) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
        this.returns = returns;
        this.notifications = notifications;
        this.time = time;
    }

    /**
     * Sends a code to the order's email address when the contact is the order's; says only whether the attempt was
     * taken (false: too many attempts for the order or from the address in the last hour).
     */
    @Transactional
    public boolean sendCode(String orderNumber, String contact, String clientAddress, Locale language) {
        String order = orderNumber == null ? "" : orderNumber.strip();
        if (order.length() > FieldRules.MAX_CODE_LENGTH || tooMany("ORDER", order, CODES_PER_ORDER_AN_HOUR)
                || tooMany("ADDRESS", clientAddress, ATTEMPTS_PER_ADDRESS_AN_HOUR)) {
            return false;
        }
        record("ORDER", order);
        record("ADDRESS", clientAddress);
        Optional<Customer> owner = owner(order).filter(c -> matches(c, contact)).filter(c -> c.email() != null);
        owner.ifPresent(customer -> {
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            jdbc.sql("INSERT INTO ticket_return_code (order_external_id, code_hash, expires_at) VALUES (?, ?, ?)")
                    .param(order).param(hash(order, code)).param(JdbcTimestamps.toColumn(time.now().plus(CODE_LASTS)))
                    .update();
            notifications.send(NotificationDraft.byEmail(customer.email(), language, "return.mail.code", null, code,
                    order, CODE_LASTS.toMinutes()));
        });
        return true;
    }

    /** The order's lines when the code is the order's latest, unused and unexpired one; a wrong try counts. */
    @Transactional
    public Optional<List<OrderLine>> verify(String orderNumber, String code, String clientAddress) {
        String order = orderNumber == null ? "" : orderNumber.strip();
        if (tooMany("ADDRESS", clientAddress, ATTEMPTS_PER_ADDRESS_AN_HOUR)) {
            return Optional.empty();
        }
        Optional<Long> codeId = jdbc.sql("""
                SELECT id FROM ticket_return_code WHERE order_external_id = ? AND NOT used AND expires_at > ?
                   AND tries < ? ORDER BY id DESC LIMIT 1 FOR UPDATE
                """).param(order).param(JdbcTimestamps.toColumn(time.now())).param(TRIES_PER_CODE)
                .query(Long.class).optional();
        if (codeId.isEmpty()) {
            record("ADDRESS", clientAddress);
            return Optional.empty();
        }
        boolean right = code != null && jdbc.sql("SELECT code_hash FROM ticket_return_code WHERE id = ?")
                .param(codeId.get()).query(String.class).single().equals(hash(order, code.strip()));
        if (!right) {
            jdbc.sql("UPDATE ticket_return_code SET tries = tries + 1 WHERE id = ?").param(codeId.get()).update();
            record("ADDRESS", clientAddress);
            return Optional.empty();
        }
        return orders.find(order).map(CustomerOrder::lines);
    }

    /**
     * Records the customer's request once the code is verified again, and uses the code up; its ticket comes in as a
     * web form's.
     */
    @Transactional
    public Optional<ReturnRequest> request(String orderNumber, String code, String clientAddress, ReturnDraft draft) {
        if (verify(orderNumber, code, clientAddress).isEmpty()) {
            return Optional.empty();
        }
        String order = orderNumber.strip();
        ReturnRequest request = returns.request(new ReturnDraft(order, draft.kind(), draft.reason(), draft.lines(),
                null, draft.language()), IntakeChannel.WEB_FORM, CUSTOMER, time.now());
        jdbc.sql("UPDATE ticket_return_code SET used = TRUE WHERE order_external_id = ?").param(order).update();
        return Optional.of(request);
    }

    private Optional<Customer> owner(String order) {
        return orders.find(order).flatMap(o -> customers.find(o.customerId()));
    }

    private static boolean matches(Customer customer, String contact) {
        if (contact == null || contact.isBlank()) {
            return false;
        }
        String given = contact.strip();
        if (given.contains("@")) {
            return customer.email() != null && customer.email().equalsIgnoreCase(given);
        }
        return customer.phone() != null
                && FieldRules.normalisePhone(customer.phone()).equals(FieldRules.normalisePhone(given));
    }

    private boolean tooMany(String scope, String subject, int limit) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_return_attempt WHERE scope = ? AND subject = ? AND at > ?")
                .param(scope).param(subject(subject)).param(JdbcTimestamps.toColumn(time.now().minus(Duration.ofHours(1))))
                .query(Long.class).single() >= limit;
    }

    private void record(String scope, String subject) {
        jdbc.sql("INSERT INTO ticket_return_attempt (scope, subject, at) VALUES (?, ?, ?)").param(scope)
                .param(subject(subject)).param(JdbcTimestamps.toColumn(time.now())).update();
    }

    private static String subject(String subject) {
        String text = subject == null ? "" : subject;
        return text.length() <= 100 ? text : text.substring(0, 100);
    }

    private static String hash(String order, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((order + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
