package com.tierdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.ticket.TicketFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@AutoConfigureMockMvc
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class})
@WithMockUser(username = "agent.li", roles = "AGENT")
class TicketApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TicketFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameKeyAndBodyReturnTheSameTicketAndAnotherBodyIsRefused() throws Exception {
        Customer customer = fixture.aCustomer();
        String key = "order-1001-" + customer.code();
        String body = ticketJson(customer.code(), "INQUIRY", "NORMAL", "退款进度查询");

        String location = send(post("/api/v1/tickets").header("Idempotency-Key", key), body)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.ticket.status").value("NEW"))
                .andExpect(jsonPath("$.ticket.customerCode").value(customer.code()))
                .andExpect(jsonPath("$.targets[0].status").value("ON_TRACK"))
                .andExpect(jsonPath("$.ticket.requester.language").value("zh"))
                .andExpect(jsonPath("$.timeline[0].text").value("taken in by EMAIL"))
                .andReturn().getResponse().getHeader("Location");
        send(post("/api/v1/tickets").header("Idempotency-Key", key), body)
                .andExpect(status().isOk())
                .andExpect(header().string("Location", location));
        problem(send(post("/api/v1/tickets").header("Idempotency-Key", key), body.replace("退款进度查询", "换货")),
                422, "Idempotency-Key")
                .andExpect(jsonPath("$.errors[0].reason", containsString("was used for a different request")));
        mvc.perform(get(location).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[0].text").value("通过 EMAIL 渠道创建工单"));
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void aStaleVersionGets409WithTheCurrentVersion() throws Exception {
        String location = create(fixture.aCustomer());

        send(patch(location).header("If-Match", "\"0\""), "{\"priority\": \"HIGH\", \"tags\": [\"refund\", \"vip\"]}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.ticket.priority").value("HIGH"));
        problem(send(patch(location).header("If-Match", "\"0\""), "{\"priority\": \"LOW\"}"), 409, "version")
                .andExpect(jsonPath("$.currentVersion").value(1));
        problem(send(post(location + "/status"), "{\"status\": \"SOLVED\"}"), 422, "If-Match");
        send(post(location + "/status"), "{\"status\": \"SOLVED\", \"version\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticket.status").value("SOLVED"));
    }

    @Test
    void badInputGetsItsFieldAndReasonAndWritesNothing() throws Exception {
        Customer customer = fixture.aCustomer();
        problem(send(post("/api/v1/tickets"), ticketJson("NO-" + customer.code(), "INQUIRY", "NORMAL", "s")), 422,
                "customer").andExpect(jsonPath("$.errors[0].reason", containsString("no customer with code")));
        problem(send(post("/api/v1/tickets"), ticketJson(customer.code(), "QUESTION", "NORMAL", "s")), 400, "type");
        problem(send(post("/api/v1/tickets"), ticketJson(customer.code(), "INQUIRY", "SOON", "s")), 400, "priority");
        problem(send(post("/api/v1/tickets"), ticketJson(customer.code(), "INQUIRY", "NORMAL", "长".repeat(201))), 422,
                "subject");
        problem(send(post("/api/v1/tickets"), ticketJson(customer.code(), "INQUIRY", "NORMAL", "s")
                .replace("\"email\": \"wang@example.com\"", "\"language\": \"fr\"")), 422, "requester.language")
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of zh, en"));
        assertThat(ticketsOf(customer)).isZero();

        String location = create(customer);
        problem(send(post(location + "/messages").header("If-Match", "\"0\""),
                "{\"kind\": \"PUBLIC_REPLY\", \"body\": \"" + "x".repeat(10_001) + "\"}"), 422, "body")
                .andExpect(jsonPath("$.errors[0].reason").value("must be at most 10000 characters"));
        problem(send(post(location + "/status").header("If-Match", "\"0\""), "{\"status\": \"CLOSED\"}"), 409, "status")
                .andExpect(jsonPath("$.errors[0].reason").value("only a SOLVED ticket can be closed; this one is NEW"));
        mvc.perform(get(location)).andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.timeline[?(@.code =~ /ticket\\.timeline\\.(public-reply|status)/)]").isEmpty());
    }

    @Test
    void anAgentsReplyToAClosedTicketIsAConflictAndTheCustomersOpensAFollowUp() throws Exception {
        String location = create(fixture.aCustomer());
        send(post(location + "/status").header("If-Match", "\"0\""), "{\"status\": \"SOLVED\"}").andExpect(status().isOk());
        send(post(location + "/status").header("If-Match", "\"1\""), "{\"status\": \"CLOSED\"}").andExpect(status().isOk());

        problem(send(post(location + "/messages").header("If-Match", "\"2\""),
                "{\"kind\": \"PUBLIC_REPLY\", \"body\": \"您好\"}"), 409, "status");
        send(post(location + "/messages").header("If-Match", "\"2\""), "{\"kind\": \"CUSTOMER_MESSAGE\", \"body\": \"还没到账\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ticket.followUpOf").value(Long.parseLong(location.substring(location.lastIndexOf('/') + 1))))
                .andExpect(jsonPath("$.messages[0].body").value("还没到账"));
    }

    @Test
    void listsByCustomerTheTicketDueFirstFirst() throws Exception {
        Customer customer = fixture.aCustomer();
        String inquiry = create(customer);
        String complaint = JsonPath.read(send(post("/api/v1/tickets"), ticketJson(customer.code(), "COMPLAINT",
                "NORMAL", "投诉")).andReturn().getResponse().getContentAsString(), "$.ticket.id").toString();

        mvc.perform(get("/api/v1/tickets").param("customer", customer.code()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].id").value(Long.parseLong(complaint)))
                .andExpect(jsonPath("$.items[1].id").value(Long.parseLong(inquiry.substring(inquiry.lastIndexOf('/') + 1))));
        mvc.perform(get("/api/v1/tickets").param("customer", customer.code()).param("type", "INQUIRY"))
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    @WithMockUser(username = "qa.zhou", roles = "QA")
    void onlyAgentsAndUpChangeTickets() throws Exception {
        send(post("/api/v1/tickets"), "{}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tickets")).andExpect(status().isOk());
    }

    @Test
    void supervisorsReassignOnTheVersionReadAndAgentsAreRefused() throws Exception {
        String location = create(fixture.aCustomer());
        String assignee = location + "/assignee";

        mvc.perform(post(assignee).with(csrf()).with(user("agent.li").roles("AGENT")).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\": \"agent.li\"}"))
                .andExpect(status().isForbidden());
        send(post(assignee).with(user("wang").roles("SUPERVISOR")).header("If-Match", "\"0\""),
                "{\"assignee\": \" am.zhao \"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.ticket.assignee").value("am.zhao"))
                .andExpect(jsonPath("$.timeline[-1:].actor").value("wang"))
                .andExpect(jsonPath("$.timeline[-1:].code").value("ticket.timeline.reassigned"))
                .andExpect(jsonPath("$.timeline[-1:].text").value("Assigned to am.zhao"));
        problem(send(post(assignee).with(user("wang").roles("SUPERVISOR")).header("If-Match", "\"0\""),
                "{\"assignee\": \"am.qian\"}"), 409, "version").andExpect(jsonPath("$.currentVersion").value(1));
        problem(send(post(assignee).with(user("wang").roles("SUPERVISOR")), "{\"assignee\": \"am.qian\"}"), 422,
                "If-Match");
        problem(send(post(assignee).with(user("wang").roles("SUPERVISOR")).header("If-Match", "\"1\""),
                "{\"assignee\": \"" + "a".repeat(101) + "\"}"), 422, "assignee");
        send(post(assignee).with(user("wang").roles("SUPERVISOR")), "{\"version\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticket.assignee").doesNotExist())
                .andExpect(jsonPath("$.timeline[-1:].text").value("Taken from am.zhao; waits in the unassigned queue"));
        mvc.perform(get("/v3/api-docs")).andExpect(jsonPath("$.paths['/api/v1/tickets/{id}/assignee'].post.summary")
                .value("Reassign a ticket"));
    }

    @Test
    void followersAreListedAddedAndRemovedWithClearRefusals() throws Exception {
        String location = create(fixture.aCustomer());

        send(post(location + "/followers"), "{\"email\": \"Boss@Example.org\", \"name\": \"老板\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("Boss@Example.org"))
                .andExpect(jsonPath("$.source").value("ACCOUNT"))
                .andExpect(jsonPath("$.addedBy").value("agent.li"));
        send(post(location + "/followers"), "{\"email\": \"boss@example.ORG\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("老板"));
        problem(send(post(location + "/followers"), "{\"email\": \"boss\"}"), 422, "email");
        problem(send(post(location + "/followers"), "{\"name\": \"没有地址\"}"), 422, "email")
                .andExpect(jsonPath("$.errors[0].reason", containsString("required")));
        problem(send(post(location + "/followers"), "{\"email\": \"wang@example.com\"}"), 422, "email")
                .andExpect(jsonPath("$.errors[0].reason", containsString("requester")));
        send(post(location + "/followers"), "{\"email\": ").andExpect(status().isBadRequest());
        send(post(location + "/followers").with(user("qa").roles("QA")), "{\"email\": \"x@example.org\"}")
                .andExpect(status().isForbidden());

        mvc.perform(get(location + "/followers")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].email").value("Boss@Example.org"));
        mvc.perform(delete(location + "/followers/{email}", "BOSS@example.org").with(csrf()))
                .andExpect(status().isNoContent());
        problem(mvc.perform(delete(location + "/followers/{email}", "boss@example.org").with(csrf())), 404, "email");
        mvc.perform(get(location + "/followers")).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get(location)).andExpect(jsonPath("$.timeline[*].code",
                hasItems("ticket.timeline.follower-added", "ticket.timeline.follower-removed")));
    }

    private String create(Customer customer) throws Exception {
        return send(post("/api/v1/tickets"), ticketJson(customer.code(), "INQUIRY", "NORMAL", "退款进度查询"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private long ticketsOf(Customer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_id = :id").param("id", customer.id().value())
                .query(Long.class).single();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, int status, String field) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static String ticketJson(String customer, String type, String priority, String subject) {
        return """
                {"channel": "EMAIL", "customer": "%s", "requester": {"name": "王芳", "email": "wang@example.com"},
                 "subject": "%s", "type": "%s", "priority": "%s", "description": "订单 1001 的退款何时到账？",
                 "tags": ["refund"], "attachments": [{"name": "receipt.pdf", "size": 2048,
                 "contentType": "application/pdf", "reference": "s3://tickets/receipt.pdf"}]}
                """.formatted(customer, subject, type, priority);
    }
}
