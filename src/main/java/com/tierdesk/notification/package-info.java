/**
 * Notifications: one outbox written in the causing transaction ({@link com.tierdesk.notification.Notifications}),
 * a cluster-safe dispatcher that sends the emails through SMTP once each, with retries, and the console bell.
 * Other modules send through it; it depends on nothing but {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.tierdesk.notification;
