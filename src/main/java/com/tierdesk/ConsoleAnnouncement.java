package com.tierdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the server where the console is. */
@Component
class ConsoleAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAnnouncement.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String contextPath = event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
            log.info("TierDesk console: http://localhost:{}{}/  (API docs: /swagger-ui.html)",
                    web.getWebServer().getPort(), contextPath);
        }
    }
}
