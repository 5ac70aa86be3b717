package com.tierdesk.ticket.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLineDraft;
import com.tierdesk.notification.internal.NotificationDispatcher;
import com.tierdesk.ticket.PublicReturns;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"tierdesk.scheduler.execute=false", "spring.mail.host=127.0.0.1",
        "spring.mail.port=39027", "tierdesk.notifications.dispatch-every=PT1H"})
@AutoConfigureMockMvc
class PublicReturnPageTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39027, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    MockMvc mvc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomerProvesTheOrderWithTheEmailedCodeAndRequestsAReturnWithoutSigningIn() throws Exception {
        String email = "buyer-" + System.nanoTime() + "@example.cn";
        String order = order(email, "10.0.0.1");
        mvc.perform(get("/returns/new")).andExpect(status().isOk());

        String sent = mvc.perform(post("/returns/new/code").with(csrf()).with(from("10.0.0.1"))
                .param("order", order).param("contact", email.toUpperCase()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        dispatcher.dispatchDue();
        String code = codeIn(email);

        mvc.perform(post("/returns/new/verify").with(csrf()).with(from("10.0.0.1")).param("order", order)
                .param("code", "000000".equals(code) ? "111111" : "000000")).andExpect(status().isOk());
        String lines = mvc.perform(post("/returns/new/verify").with(csrf()).with(from("10.0.0.1")).param("order", order)
                .param("code", code)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lines).contains("真丝围巾").contains("quantity-1");
        mvc.perform(post("/returns/new/request").with(csrf()).with(from("10.0.0.1")).param("order", order)
                .param("code", code).param("kind", "RETURN").param("reason", "颜色不符").param("quantity-1", "1"))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT requested_by FROM ticket_return WHERE order_external_id = ?").param(order)
                .query(String.class).list()).containsExactly(PublicReturns.CUSTOMER);
        assertThat(jdbc.sql("""
                SELECT t.channel || ' ' || t.type FROM ticket t JOIN ticket_return r ON r.ticket_id = t.id
                 WHERE r.order_external_id = ?
                """).param(order).query(String.class).list()).as("its ticket came in as a web form's")
                .containsExactly("WEB_FORM RETURN_EXCHANGE");
        String unknown = mvc.perform(post("/returns/new/code").with(csrf()).with(from("10.0.0.1"))
                .param("order", "NO-SUCH-" + order).param("contact", email))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shape(unknown, "NO-SUCH-" + order)).as("an unknown order reads like a known one")
                .isEqualTo(shape(sent, order));
    }

    @Test
    void codesAreLimitedPerOrderAndTheFormNeedsItsCsrfToken() throws Exception {
        String email = "buyer-" + System.nanoTime() + "@example.cn";
        String order = order(email, "10.0.0.2");
        for (int i = 0; i < PublicReturns.CODES_PER_ORDER_AN_HOUR; i++) {
            mvc.perform(post("/returns/new/code").with(csrf()).with(from("10.0.1." + i)).param("order", order)
                    .param("contact", "wrong@example.cn")).andExpect(status().isOk());
        }
        mvc.perform(post("/returns/new/code").with(csrf()).with(from("10.0.2.1")).param("order", order)
                .param("contact", email)).andExpect(status().isTooManyRequests());
        mvc.perform(post("/returns/new/code").with(from("10.0.2.2")).param("order", order).param("contact", email))
                .andExpect(status().isForbidden());
    }

    /** The page without what differs by request anyway: the order number typed in and the CSRF token. */
    private static String shape(String page, String order) {
        return page.replace(order, "ORDER").replaceAll("(name=\"_csrf\" (value|content))=\"[^\"]*\"", "$1").strip();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String order(String email, String unused) {
        Customer customer = customers.create(aCustomer().email(email).build());
        OrderDraft order = anOrder(customer.code()).amount("860.00").paidOn(LocalDate.now()).build();
        return orders.upsert(new OrderDraft(order.externalId(), customer.code(), order.amount(), null,
                order.placedAt(), order.paidAt(), order.status(),
                List.of(new OrderLineDraft("SILK-01", "真丝围巾", 2, new BigDecimal("860.00"))))).value().externalId();
    }

    private static String codeIn(String email) throws Exception {
        MimeMessage message = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher((String) message.getContent());
        assertThat(code.find()).as("a 6-digit code in the email").isTrue();
        return code.group(1);
    }
}
