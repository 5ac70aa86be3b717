package com.tierdesk;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Lets the listeners of module events that this instance is running finish before the application closes its
 * database connections: a batch command ({@code tierdesk publish}) waits up to ten minutes for the listeners of the
 * events it published, a server up to {@code tierdesk.events.drain-patience} (30 seconds). A listener cut off all the same is tried again later
 * (docs/operations.md, Module events).
 */
@Component
class EventListenersDrain {

    private static final Logger log = LoggerFactory.getLogger(EventListenersDrain.class);

    private final Executor executor;
    private final Duration patience;

    EventListenersDrain(@Qualifier("applicationTaskExecutor") Executor executor,
            @Value("${tierdesk.command-line:false}") boolean commandLine,
            @Value("${tierdesk.events.drain-patience:PT30S}") Duration serverPatience) {
        this.executor = executor;
        this.patience = commandLine ? Duration.ofMinutes(10) : serverPatience;
    }

    /** Runs first when the application closes, while the database connections are still open. */
    @EventListener(ContextClosedEvent.class)
    void awaitRunningListeners() throws InterruptedException {
        if (!(executor instanceof ThreadPoolTaskExecutor listeners)
                || listeners.getActiveCount() == 0 && listeners.getQueueSize() == 0) {
            return;
        }
        log.info("Waiting up to {} for {} running listeners of module events", patience, listeners.getActiveCount());
        listeners.initiateShutdown();
        if (!listeners.getThreadPoolExecutor().awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Listeners of module events still running; they will be tried again after a restart");
        }
    }
}
