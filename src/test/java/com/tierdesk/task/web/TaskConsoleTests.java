package com.tierdesk.task.web;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.task.Task;
import com.tierdesk.task.TaskDraft;
import com.tierdesk.task.TaskKind;
import com.tierdesk.task.TaskReason;
import com.tierdesk.task.TaskStatus;
import com.tierdesk.task.Tasks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class TaskConsoleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Tasks tasks;

    @Autowired
    Customers customers;

    @Test
    void everyoneSeesTheirOwnOpenTasksSupervisorsEverybodys() throws Exception {
        String owner = "am-" + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.create(aCustomer().name("孙悟空").owner(owner).build());
        Task overdue = aTask(customer, owner, LocalDate.now().minusDays(3));

        assertThat(html(get("/tasks").with(as(owner, "ACCOUNT_MANAGER"))))
                .contains("id=\"task-" + overdue.id() + "\"").contains("class=\"overdue\"")
                .contains("href=\"/customers/" + customer.code() + "\"").contains("孙悟空").contains("流失预警")
                .contains("class=\"form inline complete-task\"").doesNotContain("href=\"/tasks/all\"");
        assertThat(html(get("/tasks").with(as("somebody-else", "AGENT")))).doesNotContain("id=\"task-" + overdue.id() + "\"");
        mvc.perform(get("/tasks/all").with(as("somebody-else", "AGENT"))).andExpect(status().isForbidden());
        assertThat(html(get("/tasks/all").param("lang", "en").with(as("wang", "SUPERVISOR"))))
                .contains("Everybody&#39;s tasks").contains("id=\"task-" + overdue.id() + "\"");
        assertThat(html(get("/tasks").param("status", "DONE").with(as(owner, "ACCOUNT_MANAGER"))))
                .doesNotContain("id=\"task-" + overdue.id() + "\"");
    }

    @Test
    void aTaskIsClosedWithAnOutcomeAndNeverTwice() throws Exception {
        String owner = "am-" + UUID.randomUUID().toString().substring(0, 8);
        Task task = aTask(customers.create(aCustomer().owner(owner).build()), owner, LocalDate.now().plusDays(7));

        MvcResult refused = mvc.perform(post("/tasks/{id}/complete", task.id()).param("lang", "en").with(as(owner, "ACCOUNT_MANAGER")).with(csrf())
                .param("status", "DONE").param("outcome", " ")).andExpect(redirectedUrl("/tasks")).andReturn();
        assertThat(html(get("/tasks").flashAttrs(refused.getFlashMap()).with(as(owner, "ACCOUNT_MANAGER"))))
                .contains("id=\"task-refusal\"").contains("outcome: the outcome must be 1 to 2000 characters");

        MvcResult done = mvc.perform(post("/tasks/{id}/complete", task.id()).param("lang", "en").with(as(owner, "ACCOUNT_MANAGER")).with(csrf())
                        .param("status", "DONE").param("outcome", "回访，已下新订单").param("back", "/tasks?status=ALL"))
                .andExpect(redirectedUrl("/tasks?status=ALL")).andReturn();
        assertThat(tasks.get(task.id()).status()).isEqualTo(TaskStatus.DONE);
        assertThat(html(get("/tasks").param("status", "ALL").flashAttrs(done.getFlashMap()).with(as(owner, "ACCOUNT_MANAGER"))))
                .contains("id=\"task-completed\"").contains("回访，已下新订单").contains(owner + " · ");

        MvcResult again = mvc.perform(post("/tasks/{id}/complete", task.id()).param("lang", "en").with(as(owner, "ACCOUNT_MANAGER")).with(csrf())
                .param("status", "CANCELLED").param("outcome", "no")).andReturn();
        assertThat(html(get("/tasks").flashAttrs(again.getFlashMap()).with(as(owner, "ACCOUNT_MANAGER"))))
                .contains("is already DONE");
        mvc.perform(post("/tasks/{id}/complete", 987_654_321L).param("lang", "en").with(as(owner, "ACCOUNT_MANAGER")).with(csrf())
                .param("status", "DONE").param("outcome", "x")).andExpect(status().isNotFound());
    }

    @Test
    void supervisorsSeeThePoolOfTasksWithoutAnOwnerAndTakeThem() throws Exception {
        Customer customer = customers.create(aCustomer().name("猪八戒").build());
        Task pooled = tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), null, null,
                new TaskReason("CHURN_CATCH_UP", List.of("2026-01-02", "120", "90")), null, LocalDate.now().plusDays(7),
                "console-test:" + UUID.randomUUID())).orElseThrow();

        assertThat(html(get("/tasks/pool").with(as("wang", "SUPERVISOR"))))
                .contains("id=\"task-" + pooled.id() + "\"").contains("猪八戒").contains("class=\"form inline take-task\"")
                .contains("自 2026-01-02 起没有付款订单：已 120 天，流失期限为 90 天（较早的流失，补发预警）。");
        assertThat(html(get("/tasks/all").param("lang", "en").with(as("wang", "SUPERVISOR"))))
                .contains("No paid order since 2026-01-02: 120 days, and the churn limit is 90 days (an older lapse, warned by the catch-up).")
                .contains("<span class=\"badge pool\">Pool</span>");
        mvc.perform(get("/tasks/pool").with(as("somebody", "ACCOUNT_MANAGER"))).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/{id}/take", pooled.id()).param("lang", "en").with(as("somebody", "ACCOUNT_MANAGER")).with(csrf()))
                .andExpect(status().isForbidden());

        MvcResult taken = mvc.perform(post("/tasks/{id}/take", pooled.id()).param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf()))
                .andExpect(redirectedUrl("/tasks/pool")).andReturn();
        assertThat(tasks.get(pooled.id()).owner()).isEqualTo("wang");
        assertThat(html(get("/tasks/pool").flashAttrs(taken.getFlashMap()).with(as("wang", "SUPERVISOR"))))
                .contains("id=\"task-taken\"").contains("已领取：流失预警（负责人 wang）").doesNotContain("id=\"task-" + pooled.id() + "\"");
        MvcResult again = mvc.perform(post("/tasks/{id}/take", pooled.id()).param("lang", "en").with(as("li", "SUPERVISOR")).with(csrf())).andReturn();
        assertThat(html(get("/tasks/pool").flashAttrs(again.getFlashMap()).with(as("li", "SUPERVISOR"))))
                .contains("id=\"task-refusal\"").contains("wang owns it");
    }

    private Task aTask(Customer customer, String owner, LocalDate due) {
        return tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "流失预警 " + customer.code(),
                "no paid order since 2026-01-01", owner, due, "console-test:" + UUID.randomUUID())).orElseThrow();
    }

    private static RequestPostProcessor as(String name, String role) {
        return user(name).roles(role);
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).strip();
    }
}
