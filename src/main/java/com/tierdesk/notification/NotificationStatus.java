package com.tierdesk.notification;

/**
 * Where a notification stands: waiting to be sent (again), handed to the mail server by a dispatcher right now,
 * sent (a console notification is sent when written), or given up on with the reason stored.
 */
public enum NotificationStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
