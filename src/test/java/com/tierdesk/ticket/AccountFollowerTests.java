package com.tierdesk.ticket;

import static com.tierdesk.ticket.TicketFixture.inquiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.notification.Notification;
import com.tierdesk.notification.Notifications;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Accounts following a ticket hear on their bell of what others do to it, and never of what they did. */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import(TicketFixture.class)
class AccountFollowerTests {

    @Autowired
    Tickets tickets;

    @Autowired
    Notifications notifications;

    @Autowired
    TicketFixture fixture;

    @Test
    void aFollowerHearsOfACustomerMessageAndAStatusChangeButNotOfTheirOwnReply() {
        String follower = "follower-" + UUID.randomUUID().toString().substring(0, 8);
        String colleague = "colleague-" + UUID.randomUUID().toString().substring(0, 8);
        TicketId id = tickets.create(inquiry(fixture.aCustomer().code()), null, "intake").ticket().ticket().id();
        tickets.follow(id, follower);
        tickets.follow(id, follower);
        assertThat(tickets.accountFollowers(id)).containsExactly(follower);

        tickets.addMessage(id, version(id), new MessageDraft(MessageKind.PUBLIC_REPLY, "我们正在核实"), follower);
        assertThat(bell(follower)).as("not of their own reply").isEmpty();

        tickets.addMessage(id, version(id), new MessageDraft(MessageKind.CUSTOMER_MESSAGE, "请问进度如何？"), "mail");
        tickets.addMessage(id, version(id), new MessageDraft(MessageKind.INTERNAL_NOTE, "内部备注"), colleague);
        tickets.changeStatus(id, version(id), TicketStatus.PENDING_CUSTOMER, colleague);

        assertThat(bell(follower)).extracting(Notification::template, Notification::arguments, Notification::link)
                .containsExactlyInAnyOrder(
                        tuple("notification.ticket.followed.customer-message",
                                List.of(String.valueOf(id.value()), subject(id)), "/tickets/" + id.value()),
                        tuple("notification.ticket.followed.status.PENDING_CUSTOMER",
                                List.of(String.valueOf(id.value()), subject(id), colleague), "/tickets/" + id.value()));
        assertThat(bell(colleague)).as("only followers hear").isEmpty();

        tickets.unfollow(id, follower);
        tickets.addMessage(id, version(id), new MessageDraft(MessageKind.PUBLIC_REPLY, "已处理"), colleague);
        assertThat(bell(follower)).hasSize(2);
    }

    @Test
    void accountFollowersGoWithAMergedTicket() {
        String follower = "follower-" + UUID.randomUUID().toString().substring(0, 8);
        String customer = fixture.aCustomer().code();
        TicketId target = tickets.create(inquiry(customer), null, "intake").ticket().ticket().id();
        TicketId duplicate = tickets.create(inquiry(customer), null, "intake").ticket().ticket().id();
        tickets.follow(duplicate, follower);

        tickets.merge(duplicate, version(duplicate), target, version(target), "supervisor.wu");

        assertThat(tickets.accountFollowers(target)).containsExactly(follower);
    }

    private List<Notification> bell(String account) {
        return notifications.inbox(account);
    }

    private String subject(TicketId id) {
        return tickets.get(id).ticket().subject();
    }

    private long version(TicketId id) {
        return tickets.get(id).ticket().version();
    }
}
