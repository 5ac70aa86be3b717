package com.tierdesk.notification.internal;

import com.tierdesk.notification.Notification;
import com.tierdesk.notification.NotificationSettings;
import com.tierdesk.shared.BusinessTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due emails of the outbox. Each batch is claimed (rows locked with SKIP LOCKED, marked SENDING) and
 * committed before anything is handed to the mail server, so two dispatchers never take the same message and a
 * message is never handed over twice; a failed send is tried again after a growing wait, and given up after the
 * configured number of attempts with the reason kept.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationRepository repository;
    private final MailTransport transport;
    private final NotificationSettings settings;
    private final BusinessTime time;
    private final TransactionTemplate transactions;

    NotificationDispatcher(NotificationRepository repository, MailTransport transport, NotificationSettings settings,
            BusinessTime time, TransactionTemplate transactions) {
        this.repository = repository;
        this.transport = transport;
        this.settings = settings;
        this.time = time;
        this.transactions = transactions;
    }

    /** Sends every email due now, a batch at a time; returns how many went out. */
    public int dispatchDue() {
        int sent = 0;
        List<Notification> batch;
        do {
            batch = transactions.execute(status -> repository.claimDue(time.now(), settings.batch(), settings.resendAfter()));
            for (Notification notification : batch) {
                if (deliver(notification)) {
                    sent++;
                }
            }
        } while (batch.size() == settings.batch());
        return sent;
    }

    private boolean deliver(Notification notification) {
        try {
            transport.send(notification, repository.thread(notification.id()).orElse(null));
        } catch (RuntimeException e) {
            boolean last = notification.attempts() >= settings.maxAttempts();
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            transactions.executeWithoutResult(status -> repository.failed(notification.id(), reason,
                    last ? null : time.now().plus(settings.backoff(notification.attempts()))));
            if (last) {
                log.warn("Gave up notification {} after {} attempts: {}", notification.id(), notification.attempts(), reason);
            }
            return false;
        }
        transactions.executeWithoutResult(status -> repository.sent(notification.id(), time.now()));
        return true;
    }
}
