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

    /**
     * Puts an email of a conversation in the outbox, in the caller's transaction: sent with its thread's
     * Message-ID and headers, and sent again with the same Message-ID when its dispatcher died during the hand-over.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long send(NotificationDraft draft, EmailThread thread) {
        if (draft.channel() != NotificationChannel.EMAIL) {
            throw new IllegalArgumentException("only an email has a thread");
        }
        long id = repository.insert(draft, time.now());
        repository.thread(id, thread);
        return id;
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
