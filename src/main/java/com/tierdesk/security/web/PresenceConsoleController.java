package com.tierdesk.security.web;

import com.tierdesk.security.People;
import com.tierdesk.security.Presence;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The presence switch in the console's top bar: available or away, then back to the page it was used on. */
@Controller
class PresenceConsoleController {

    private final People people;

    PresenceConsoleController(People people) {
        this.people = people;
    }

    @PostMapping("/presence")
    String processPresence(@RequestParam Presence presence, @RequestParam(defaultValue = "/") String back,
                           Authentication caller) {
        people.changePresence(caller.getName(), presence);
        return "redirect:" + (isOwnPage(back) ? back : "/");
    }

    /** A path of this console, never another site's address. */
    private static boolean isOwnPage(String back) {
        return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
    }
}
