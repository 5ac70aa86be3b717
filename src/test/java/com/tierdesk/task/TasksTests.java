package com.tierdesk.task;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class TasksTests {

    @Autowired
    Tasks tasks;

    @Autowired
    Customers customers;

    @Test
    void aTaskAboutNoCustomerHasNoCustomer() {
        Task callback = tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, null, "Call the regional office back", null,
                "am.li", LocalDate.of(2026, 5, 1), unique("tasks-test"))).orElseThrow();
        Customer customer = customers.create(aCustomer().build());
        Task aboutCustomer = tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, customer.id(), "Call", null, "am.li",
                LocalDate.of(2026, 5, 1), unique("tasks-test"))).orElseThrow();

        assertThat(tasks.get(callback.id()).customerId()).isNull();
        assertThat(tasks.get(aboutCustomer.id()).customerId()).isEqualTo(customer.id());
    }

    @Test
    void tasksAreCreatedOncePerSourceInOneBatchWithTheirReasons() {
        String key = unique("tasks-test");
        TaskReason reason = new TaskReason("CHURN_WARNING", List.of("2026-01-02", "90", "90"));
        TaskDraft draft = new TaskDraft(TaskKind.CHURN_WARNING, null, null, null, reason, null, LocalDate.of(2026, 4, 2), key);

        Map<String, Long> created = tasks.createAll(List.of(draft, draft));

        assertThat(created).containsOnlyKeys(key);
        assertThat(tasks.createAll(List.of(draft))).as("the source has its task").isEmpty();
        Task task = tasks.get(created.get(key));
        assertThat(task.reason()).isEqualTo(reason);
        assertThat(task.title()).isNull();
        assertThat(task.inPool()).isTrue();
    }

    @Test
    void aSupervisorTakesATaskFromThePoolOnce() {
        Task pooled = tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, null, "Win back", null, null, LocalDate.of(2026, 5, 1),
                unique("tasks-test"))).orElseThrow();
        assertThat(tasks.pool(500)).extracting(Task::id).contains(pooled.id());

        assertThat(tasks.take(pooled.id(), "wang").owner()).isEqualTo("wang");
        assertThat(tasks.pool(500)).extracting(Task::id).doesNotContain(pooled.id());
        assertThatThrownBy(() -> tasks.take(pooled.id(), "li")).isInstanceOf(Conflict.class).hasMessageContaining("wang owns it");
    }

    @Test
    void textsFollowTheTextRules() {
        assertThatThrownBy(() -> tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, null, "bell\u0007", null, null,
                LocalDate.of(2026, 5, 1), unique("tasks-test")))).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("title"));
        Task task = tasks.create(new TaskDraft(TaskKind.CHURN_WARNING, null, "Call", null, "am.li", LocalDate.of(2026, 5, 1),
                unique("tasks-test"))).orElseThrow();
        assertThatThrownBy(() -> tasks.complete(task.id(), TaskStatus.DONE, "half \uD800 a character", "am.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("outcome: must not contain a lone surrogate"));
        assertThat(tasks.complete(task.id(), TaskStatus.DONE, "called;\nordered again", "am.li").outcome())
                .isEqualTo("called;\nordered again");
    }
}
