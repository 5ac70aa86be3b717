package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every text of the data hub follows the shared text rules, whichever way it comes in. */
@SpringBootTest
class InputPolicyTests {

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerInteractions interactions;

    @Test
    void aLoneSurrogateInANameIsRefused() {
        CustomerDraft draft = aCustomer().name("张三\uD800").build();

        assertThatThrownBy(() -> customers.create(draft)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("name");
                    assertThat(problem.reason().toString()).startsWith("must not contain a lone surrogate");
                }));
        assertThat(customers.find(draft.code())).isEmpty();
    }

    @Test
    void anInteractionsDetailMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        Customer customer = customers.create(aCustomer().build());

        InteractionDraft bell = detailed(customer, "到货\u0007延迟");
        assertThatThrownBy(() -> interactions.upsert(bell)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("detail"));
        assertThat(interactions.find(bell.externalId())).isEmpty();

        InteractionDraft lines = detailed(customer, "到货延迟\n\t第二行");
        assertThat(interactions.upsert(lines).value().detail()).isEqualTo("到货延迟\n\t第二行");
    }

    @Test
    void aSubjectIsOneLine() {
        Customer customer = customers.create(aCustomer().build());
        InteractionDraft draft = new InteractionDraft(CustomerFixture.unique("I"), customer.code(), InteractionKind.COMPLAINT,
                Instant.parse("2025-03-01T02:00:00Z"), "phone", "物流\n太慢", null, null, null, null, null);

        assertThatThrownBy(() -> interactions.upsert(draft)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("subject"));
    }

    @Test
    void datesAndTimesAreTakenFrom1900To9999() {
        CustomerDraft draft = aCustomer().registeredOn(LocalDate.of(99_999, 1, 1)).build();
        assertThatThrownBy(() -> customers.create(draft)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field, problem -> problem.reason().toString())
                        .containsExactly(tuple("registeredOn",
                                "must be between 1900-01-01 and 9999-12-31")));

        Customer customer = customers.create(aCustomer().build());
        OrderDraft order = anOrder(customer.code()).paidAt(Instant.parse("+99999-01-01T00:00:00Z")).build();
        assertThatThrownBy(() -> orders.upsert(order)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("placedAt", "paidAt"));
    }

    @Test
    void aCodeNoCustomerCanHaveIsNotLookedUp() {
        assertThat(customers.find("no such code; not even a code")).isEmpty();
        assertThat(orders.find("\u0000")).isEmpty();
        assertThatThrownBy(() -> customers.removeTag(customers.create(aCustomer().build()).code(), "a;b"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("tag"));
    }

    private static InteractionDraft detailed(Customer customer, String detail) {
        return new InteractionDraft(CustomerFixture.unique("I"), customer.code(), InteractionKind.COMPLAINT,
                Instant.parse("2025-03-01T02:00:00Z"), "phone", "到货", detail, null, null, null, null);
    }
}
