package com.tierdesk.notification.web;

import com.tierdesk.notification.Notifications;
import com.tierdesk.shared.BusinessTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console bell: the signed-in person's unread count (the layout polls it), their notifications, and marking
 * them read.
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationConsoleController {

    private final Notifications notifications;
    private final BusinessTime time;

    NotificationConsoleController(Notifications notifications, BusinessTime time) {
        this.notifications = notifications;
        this.time = time;
    }

    @GetMapping
    String list(Authentication caller, Model model) {
        model.addAttribute("notifications", notifications.inbox(caller.getName()));
        model.addAttribute("unread", notifications.unreadCount(caller.getName()));
        model.addAttribute("zone", time.zone());
        return "notification/list";
    }

    @GetMapping("/bell")
    String bell(Authentication caller, Model model) {
        model.addAttribute("unread", notifications.unreadCount(caller.getName()));
        return "notification/list :: bell";
    }

    @PostMapping("/{id}/read")
    String processRead(@PathVariable long id, Authentication caller) {
        notifications.markRead(caller.getName(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/read")
    String processReadAll(Authentication caller) {
        notifications.markAllRead(caller.getName());
        return "redirect:/notifications";
    }
}
