package com.tierdesk.notification;

import com.tierdesk.notification.internal.NotificationRepository;
import com.tierdesk.shared.BusinessTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox. {@link #send} writes in the caller's transaction, so a notification exists exactly when
 * the change that caused it committed; the dispatcher sends the emails afterwards. The console bell reads an
 * account's notifications here.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

    /** The most notifications the console lists. */
    public static final int INBOX_SIZE = 100;

    private final NotificationRepository repository;
    private final BusinessTime time;

    Notifications(NotificationRepository repository, BusinessTime time) {
        this.repository = repository;
        this.time = time;
    }

    /** Puts a notification in the outbox, in the caller's transaction (there must be one); returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(NotificationDraft draft) {
        return repository.insert(draft, time.now());
    }

    /** The account's console notifications, newest first. */
    public List<Notification> inbox(String account) {
        return repository.inbox(account, INBOX_SIZE);
    }

    public int unreadCount(String account) {
        return repository.unread(account);
    }

    /** Marks one of the account's notifications read; false if it has no such unread one. */
    @Transactional
    public boolean markRead(String account, long id) {
        return repository.markRead(account, id, time.now()) == 1;
    }

    /** Marks all the account's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead(String account) {
        return repository.markRead(account, null, time.now());
    }
}
