package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.EnglishAnswers;
import com.tierdesk.customer.Customer;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.SlaTarget;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import({EnglishAnswers.class, SettableTime.class, TicketFixture.class})
class PastTicketsTests {

    @Autowired
    PastTickets pastTickets;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTicketWithAPastGoesThroughItsStepsAtTheirInstants() {
        Customer customer = fixture.aCustomerIn("VIP");
        Instant opened = Instant.parse("2026-03-02T02:00:00Z");
        Instant replied = Instant.parse("2026-03-02T02:20:00Z");
        Instant solved = Instant.parse("2026-03-02T03:00:00Z");
        TicketDraft draft = TicketFixture.inquiry(customer.code());

        pastTickets.load(List.of(new PastTicket(draft, opened, "import", List.of(
                PastTicket.Step.message(replied, "agent.li", MessageKind.PUBLIC_REPLY, "已处理"),
                PastTicket.Step.status(solved, "agent.li", TicketStatus.SOLVED)))));

        TicketId id = TicketId.of(jdbc.sql("SELECT id FROM ticket WHERE customer_code = :code")
                .param("code", customer.code()).query(Long.class).single());
        TicketDetail ticket = tickets.get(id);
        assertThat(ticket.ticket().createdAt()).isEqualTo(opened);
        assertThat(ticket.ticket().status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(ticket.ticket().solvedAt()).isEqualTo(solved);
        assertThat(ticket.targets()).filteredOn(target -> target.target() == SlaTarget.FIRST_RESPONSE).singleElement()
                .satisfies(target -> {
                    assertThat(target.status()).isEqualTo(ClockStatus.MET);
                    assertThat(target.achievedAt()).isEqualTo(replied);
                });
        assertThat(ticket.timeline()).extracting(TimelineEntry::at).contains(opened, replied, solved);
    }
}
