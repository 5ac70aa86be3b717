package com.tierdesk.notification;

/** How a notification reaches its recipient: an email, or the console's bell of an account. */
public enum NotificationChannel {
    EMAIL,
    CONSOLE
}
