package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static com.tierdesk.customer.CustomerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CustomersTests {

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Test
    void createsACustomerWithEveryField() {
        CustomerDraft draft = aCustomer().owner("am.li").tags("高频购买", "b2b").build();

        Customer created = customers.create(draft);

        assertThat(created.id().value()).isPositive();
        assertThat(created).extracting(Customer::code, Customer::name, Customer::kind, Customer::industry,
                        Customer::contactPerson, Customer::phone, Customer::email, Customer::region, Customer::owner)
                .containsExactly(draft.code(), "张三", CustomerKind.PERSON, "retail", "李经理", "13812345678",
                        "zhang.san@example.com", "上海", "am.li");
        assertThat(created.birthday()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(created.registeredOn()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(created.membershipExpiresOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(created.consent()).isEqualTo(new Consent(true, false, true));
        assertThat(created.tags()).containsExactly("b2b", "高频购买");
        assertThat(created.version()).isZero();
        assertThat(created.createdAt()).isEqualTo(created.updatedAt());
        assertThat(customers.get(draft.code())).isEqualTo(created);
        assertThat(customers.find(created.id())).contains(created);
    }

    @Test
    void refusesASecondCustomerWithTheSameCode() {
        CustomerDraft draft = aCustomer().build();
        customers.create(draft);

        assertThatThrownBy(() -> customers.create(draft))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void reportsEveryBrokenFieldAtOnceAndWritesNothing() {
        CustomerDraft draft = aCustomer().name(" ").email("not-an-email").phone("12345").tags("ok", "a,b").build();

        assertThatThrownBy(() -> customers.create(draft))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("name", "phone", "email", "tags[1]"));
        assertThat(customers.find(draft.code())).isEmpty();
    }

    @Test
    void storesTextsStrippedAndPhonesWithoutSeparators() {
        CustomerDraft draft = aCustomer().name("  王五 ").phone("138 1234 5678").region(" ").build();

        Customer created = customers.create(draft);

        assertThat(created.name()).isEqualTo("王五");
        assertThat(created.phone()).isEqualTo("13812345678");
        assertThat(created.region()).isNull();
    }

    @Test
    void updateReplacesTheDataOfTheVersionRead() {
        Customer created = customers.create(aCustomer().build());

        Customer updated = customers.update(created.code(), 0,
                aCustomer().code(null).name("李四").kind(CustomerKind.COMPANY).build());

        assertThat(updated.name()).isEqualTo("李四");
        assertThat(updated.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
    }

    @Test
    void updateOfAnOutdatedVersionIsAConflict() {
        Customer created = customers.create(aCustomer().build());
        customers.update(created.code(), 0, aCustomer().code(created.code()).name("李四").build());

        assertThatThrownBy(() -> customers.update(created.code(), 0, aCustomer().code(created.code()).name("赵六").build()))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(customers.get(created.code()).name()).isEqualTo("李四");
    }

    @Test
    void updateOfAnUnknownCodeIsNotFound() {
        String code = unique("NONE");
        assertThatThrownBy(() -> customers.update(code, 0, aCustomer().code(code).build()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void upsertCreatesThenChangesNothingForTheSameDataThenUpdates() {
        CustomerDraft draft = aCustomer().tags("vip-candidate").build();

        Upserted<Customer> first = customers.upsert(draft);
        Upserted<Customer> again = customers.upsert(draft);
        Upserted<Customer> reformatted = customers.upsert(aCustomer().code(draft.code()).phone(" 138 1234 5678")
                .tags("vip-candidate").build());
        Upserted<Customer> changed = customers.upsert(aCustomer().code(draft.code()).region("北京").build());

        assertThat(first.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(reformatted.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(changed.outcome()).isEqualTo(Upserted.Outcome.UPDATED);
        assertThat(changed.value().version()).isEqualTo(first.value().version() + 1);
        assertThat(changed.value().region()).isEqualTo("北京");
        assertThat(changed.value().tags()).as("tags left alone when the draft has none").containsExactly("vip-candidate");
    }

    @Test
    void searchMatchesAFragmentOfCodeNamePhoneOrEmailIgnoringCase() {
        String marker = unique("Find").toLowerCase();
        Customer byName = customers.create(aCustomer().name("Acme " + marker.toUpperCase() + " Ltd").build());
        Customer byEmail = customers.create(aCustomer().email(marker + "@example.com").build());
        Customer byCode = customers.create(aCustomer().code(marker + "-X").build());
        String phone = "1399" + String.valueOf(System.nanoTime()).substring(0, 7);
        Customer byPhone = customers.create(aCustomer().phone(phone).build());

        assertThat(customers.search(CustomerSearch.matching(marker, PageSpec.first(50))).items())
                .containsExactlyInAnyOrder(byName, byEmail, byCode);
        assertThat(customers.search(CustomerSearch.matching(phone.substring(3), PageSpec.first(50))).items())
                .contains(byPhone);
        assertThat(customers.search(CustomerSearch.matching("%", PageSpec.first(5))).totalItems())
                .as("LIKE wildcards are taken literally").isZero();
    }

    @Test
    void searchFiltersByIndustryKindRegionTagAndOwnerAndPages() {
        String industry = unique("ind");
        for (int i = 0; i < 5; i++) {
            customers.create(aCustomer().industry(industry).name("客户" + i).owner("am.wang").tags("t" + i % 2).build());
        }
        customers.create(aCustomer().industry(industry).kind(CustomerKind.COMPANY).region("深圳").name("公司").build());

        var page0 = customers.search(search(industry, null, null, null, null, 0, 2));
        var page2 = customers.search(search(industry, null, null, null, null, 2, 2));

        assertThat(page0.totalItems()).isEqualTo(6);
        assertThat(page0.totalPages()).isEqualTo(3);
        assertThat(page0.items()).extracting(Customer::name).containsExactly("公司", "客户0");
        assertThat(page2.items()).extracting(Customer::name).containsExactly("客户3", "客户4");
        assertThat(customers.search(search(industry, CustomerKind.COMPANY, null, null, null, 0, 10)).items())
                .extracting(Customer::name).containsExactly("公司");
        assertThat(customers.search(search(industry, null, "深圳", null, null, 0, 10)).totalItems()).isEqualTo(1);
        assertThat(customers.search(search(industry, null, null, "t1", null, 0, 10)).items())
                .extracting(Customer::name).containsExactly("客户1", "客户3");
        assertThat(customers.search(search(industry, null, null, null, "am.wang", 0, 10)).totalItems()).isEqualTo(5);
    }

    @Test
    void searchSortsByLifetimeSpend() {
        String industry = unique("ind");
        Customer small = customers.create(aCustomer().industry(industry).name("a").build());
        Customer big = customers.create(aCustomer().industry(industry).name("b").build());
        Customer none = customers.create(aCustomer().industry(industry).name("c").build());
        orders.upsert(anOrder(small.code()).amount("10.00").build());
        orders.upsert(anOrder(big.code()).amount("999.99").build());

        var bySpend = customers.search(new CustomerSearch(null, industry, null, null, null, null, null, false,
                CustomerSort.LIFETIME_SPEND, true, PageSpec.first(10)));

        assertThat(bySpend.items()).extracting(Customer::code).containsExactly(big.code(), small.code(), none.code());
    }

    @Test
    void addingAndRemovingTagsChangesTheVersionOnlyWhenTheTagsChange() {
        Customer created = customers.create(aCustomer().tags("a").build());

        Customer added = customers.addTags(created.code(), List.of("b", " a "));
        Customer addedAgain = customers.addTags(created.code(), List.of("b"));
        Customer removed = customers.removeTag(created.code(), "a");
        Customer removedAgain = customers.removeTag(created.code(), "a");

        assertThat(added.tags()).containsExactly("a", "b");
        assertThat(added.version()).isEqualTo(1);
        assertThat(addedAgain.version()).isEqualTo(1);
        assertThat(removed.tags()).containsExactly("b");
        assertThat(removed.version()).isEqualTo(2);
        assertThat(removedAgain.version()).isEqualTo(2);
        assertThat(customers.count()).isPositive();
    }

    private static CustomerSearch search(String industry, CustomerKind kind, String region, String tag, String owner,
            int page, int size) {
        return new CustomerSearch(null, industry, kind, region, tag, owner, null, false, CustomerSort.NAME, false,
                new PageSpec(page, size));
    }
}
