package com.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A ticket's followers: added once whatever the case, never the requester, removed, each change on the timeline. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import(TicketFixture.class)
class TicketFollowersTests {

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFixture fixture;

    @Test
    void anAgentAddsAFollowerOnceWhateverTheCaseAndRemovesIt() {
        TicketId id = open();

        Tickets.FollowerAdded added = tickets.addFollower(id, new FollowerDraft(" Boss@Example.org ", "老板"), "agent.li");
        Tickets.FollowerAdded again = tickets.addFollower(id, new FollowerDraft("boss@example.ORG", "另一个"), "agent.wu");

        assertThat(added.added()).isTrue();
        assertThat(added.follower()).satisfies(f -> {
            assertThat(f.email()).isEqualTo("Boss@Example.org");
            assertThat(f.name()).isEqualTo("老板");
            assertThat(f.source()).isEqualTo(FollowerSource.ACCOUNT);
            assertThat(f.addedBy()).isEqualTo("agent.li");
        });
        assertThat(again.added()).as("the same address in another case").isFalse();
        assertThat(again.follower().name()).isEqualTo("老板");
        assertThat(tickets.followers(id)).extracting(Follower::email).containsExactly("Boss@Example.org");

        tickets.removeFollower(id, "BOSS@example.org", "agent.wu");

        assertThat(tickets.followers(id)).isEmpty();
        assertThat(tickets.get(id).timeline()).filteredOn(entry -> entry.code().startsWith("ticket.timeline.follower"))
                .extracting(entry -> entry.code() + " " + entry.actor() + " " + entry.arguments())
                .containsExactly("ticket.timeline.follower-added agent.li [Boss@Example.org]",
                        "ticket.timeline.follower-removed agent.wu [Boss@Example.org]");
    }

    @Test
    void badAddressesAndTheRequesterAreRefusedAndWriteNothing() {
        TicketId id = open();
        int timeline = tickets.get(id).timeline().size();

        assertThatThrownBy(() -> tickets.addFollower(id, new FollowerDraft("not an address", "x".repeat(101)), "agent.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.field() + " " + problem.code())
                        .containsExactly("email problem.email", "name problem.too-long"));
        assertThatThrownBy(() -> tickets.addFollower(id, new FollowerDraft(" ", null), "agent.li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.required"));
        assertThatThrownBy(() -> tickets.addFollower(id, new FollowerDraft("WANG@example.com", null), "agent.li"))
                .as("the requester gets every reply anyway")
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).code())
                        .isEqualTo("problem.ticket.follower-is-requester"));
        assertThatThrownBy(() -> tickets.removeFollower(id, "nobody@example.org", "agent.li"))
                .isInstanceOf(NotFound.class);

        assertThat(tickets.followers(id)).isEmpty();
        assertThat(tickets.get(id).timeline()).hasSize(timeline);
    }

    @Test
    void aClosedTicketTakesNoFollowerChange() {
        TicketId id = open();
        tickets.addFollower(id, new FollowerDraft("boss@example.org", null), "agent.li");
        long version = tickets.get(id).ticket().version();
        tickets.changeStatus(id, version, TicketStatus.SOLVED, "agent.li");
        tickets.changeStatus(id, version + 1, TicketStatus.CLOSED, "agent.li");

        assertThatThrownBy(() -> tickets.addFollower(id, new FollowerDraft("other@example.org", null), "agent.li"))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> tickets.removeFollower(id, "boss@example.org", "agent.li"))
                .isInstanceOf(Conflict.class);
        assertThat(tickets.followers(id)).extracting(Follower::email).containsExactly("boss@example.org");
    }

    @Test
    void theCcOfTheCustomersMailFollowsButTheRequesterMalformedAndKnownAddresses() {
        TicketId id = open();
        tickets.addFollower(id, new FollowerDraft("boss@example.org", "老板"), "agent.li");

        List<Follower> added = tickets.addFollowersFromMail(id, List.of(new FollowerDraft("wang@example.com", "王芳"),
                new FollowerDraft("BOSS@example.org", null), new FollowerDraft("no address", null),
                new FollowerDraft("helper@example.org", "助理 " + "长".repeat(120))), "system");

        assertThat(added).singleElement().satisfies(f -> {
            assertThat(f.email()).isEqualTo("helper@example.org");
            assertThat(f.name()).hasSize(100);
            assertThat(f.source()).isEqualTo(FollowerSource.MAIL_CC);
            assertThat(f.addedBy()).isNull();
        });
        assertThat(tickets.followers(id)).extracting(Follower::email)
                .containsExactly("boss@example.org", "helper@example.org");
        assertThat(tickets.get(id).timeline()).filteredOn(e -> e.code().equals("ticket.timeline.follower-from-mail"))
                .singleElement().satisfies(e -> assertThat(e.arguments()).containsExactly("helper@example.org"));
    }

    @Test
    void anUnknownTicketHasNoFollowers() {
        assertThatThrownBy(() -> tickets.followers(TicketId.of(Long.MAX_VALUE))).isInstanceOf(NotFound.class);
    }

    private TicketId open() {
        return tickets.create(TicketFixture.inquiry(fixture.aCustomer().code()), null, "agent.li").ticket().ticket().id();
    }
}
