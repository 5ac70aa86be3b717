package com.tierdesk.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home page: a welcome and the ways into the main areas. */
@Controller
class DashboardController {

    @GetMapping("/")
    String dashboard() {
        return "report/dashboard";
    }
}
