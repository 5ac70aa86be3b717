package com.tierdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tierdesk.notification.internal.NotificationDispatcher;
import com.tierdesk.notification.internal.NotificationRepository;
import com.tierdesk.shared.SettableTime;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39025",
        "tierdesk.notifications.max-attempts=3", "tierdesk.notifications.retry-after=PT1M",
        "tierdesk.notifications.dispatch-every=PT1H", "tierdesk.notifications.batch=5"})
@Import(SettableTime.class)
class NotificationOutboxTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    NotificationRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SettableTime.SettableClock clock;

    @Test
    void theOutboxIsWrittenWithTheCausingTransactionAndNotWhenItRollsBack() {
        String kept = anAddress();
        String dropped = anAddress();
        long id = transactions.execute(status -> notifications.send(anEmail(kept)));
        transactions.executeWithoutResult(status -> {
            notifications.send(anEmail(dropped));
            status.setRollbackOnly();
        });

        assertThat(repository.find(id)).hasValueSatisfying(notification -> {
            assertThat(notification.email()).isEqualTo(kept);
            assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        });
        assertThat(dispatcher.dispatchDue()).isGreaterThanOrEqualTo(1);
        assertThat(receivedBy(kept)).hasSize(1);
        assertThat(receivedBy(dropped)).isEmpty();
        assertThatThrownBy(() -> notifications.send(anEmail(anAddress())))
                .as("the outbox is only written in the transaction of the change that causes it")
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anEmailIsWordedInTheRecipientsLanguageWithItsLink() throws Exception {
        String english = anAddress();
        String chinese = anAddress();
        transactions.executeWithoutResult(status -> {
            notifications.send(NotificationDraft.byEmail(english, Locale.ENGLISH, "notification.test", "/tickets/7", "7"));
            notifications.send(NotificationDraft.byEmail(chinese, Locale.SIMPLIFIED_CHINESE, "notification.test",
                    "/tickets/7", "7"));
        });
        dispatcher.dispatchDue();

        MimeMessage inEnglish = receivedBy(english).get(0);
        assertThat(inEnglish.getSubject()).isEqualTo("TierDesk test notification 7");
        assertThat(((String) inEnglish.getContent())).contains("http://localhost:8080/tickets/7");
        assertThat(receivedBy(chinese).get(0).getSubject()).isEqualTo("TierDesk 测试通知 7");
    }

    @Test
    void twoDispatchersSendEachMessageExactlyOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 40; i++) {
                String address = anAddress();
                addresses.add(address);
                notifications.send(anEmail(address));
            }
        });
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return dispatcher.dispatchDue();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        for (String address : addresses) {
            assertThat(receivedBy(address)).as(address).hasSize(1);
        }
    }

    @Test
    void aFailingSendIsRetriedAfterAGrowingWaitAndGivenUpWithItsReason() {
        String later = anAddress();
        String never = anAddress();
        long retried = transactions.execute(status -> notifications.send(anEmail(later)));
        smtp.stop();
        dispatcher.dispatchDue();
        assertThat(repository.find(retried)).hasValueSatisfying(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(notification.attempts()).isEqualTo(1);
            assertThat(notification.lastError()).isNotBlank();
            assertThat(notification.nextAttemptAt())
                    .isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofMinutes(1)));
        });
        dispatcher.dispatchDue();
        assertThat(repository.find(retried).orElseThrow().attempts()).as("not before its wait is over").isEqualTo(1);

        smtp.start();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(repository.find(retried).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
        assertThat(receivedBy(later)).hasSize(1);

        long givenUp = transactions.execute(status -> notifications.send(anEmail(never)));
        smtp.stop();
        for (Duration wait : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2))) {
            clock.advance(wait);
            dispatcher.dispatchDue();
        }
        assertThat(repository.find(givenUp)).hasValueSatisfying(notification -> {
            assertThat(notification.status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(notification.attempts()).isEqualTo(3);
            assertThat(notification.lastError()).isNotBlank();
        });
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(repository.find(givenUp).orElseThrow().attempts()).isEqualTo(3);
        smtp.start();
    }

    @Test
    void theBellCountsAnAccountsUnreadConsoleNotifications() {
        String account = "agent." + UUID.randomUUID().toString().substring(0, 8);
        List<Long> ids = transactions.execute(status -> List.of(
                notifications.send(NotificationDraft.toConsole(account, "notification.test", "/tickets/1", "1")),
                notifications.send(NotificationDraft.toConsole(account, "notification.test", "/tickets/2", "2")),
                notifications.send(NotificationDraft.toConsole(account, "notification.test", "/tickets/3", "3"))));
        assertThat(notifications.unreadCount(account)).isEqualTo(3);
        assertThat(notifications.inbox(account)).extracting(Notification::id).containsExactly(ids.get(2), ids.get(1), ids.get(0));

        assertThat(notifications.markRead(account, ids.get(0))).isTrue();
        assertThat(notifications.markRead("someone.else", ids.get(1))).as("only the recipient reads it").isFalse();
        assertThat(notifications.unreadCount(account)).isEqualTo(2);
        assertThat(notifications.markAllRead(account)).isEqualTo(2);
        assertThat(notifications.unreadCount(account)).isZero();
    }

    private static NotificationDraft anEmail(String address) {
        return NotificationDraft.byEmail(address, Locale.ENGLISH, "notification.test", null, "1");
    }

    private static String anAddress() {
        return UUID.randomUUID() + "@example.com";
    }

    private static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
