package com.tierdesk;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.tierdesk.shared.BusinessTime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Keeps module events moving (docs/operations.md, Module events): every minute, on one instance (a db-scheduler
 * recurring task), publications whose instance died are marked failed, failed ones are tried again (at most
 * {@code max-attempts} times), and completed ones older than {@code keep-completed} are deleted. A restart also
 * resubmits everything outstanding ({@code spring.modulith.events.republish-outstanding-events-on-restart}). The
 * number of publications not completed, by status, is the gauge {@code tierdesk.events.incomplete}.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationUpkeep {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationUpkeep.class);
    static final List<Status> INCOMPLETE = List.of(Status.PUBLISHED, Status.PROCESSING, Status.RESUBMITTED, Status.FAILED);

    private final EventPublicationRegistry registry;
    private final EventPublicationRepository publications;
    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final EventSettings settings;
    private final BusinessTime time;

    EventPublicationUpkeep(EventPublicationRegistry registry, EventPublicationRepository publications,
            FailedEventPublications failed, CompletedEventPublications completed, EventSettings settings, BusinessTime time,
            MeterRegistry meters) {
        this.registry = registry;
        this.publications = publications;
        this.failed = failed;
        this.completed = completed;
        this.settings = settings;
        this.time = time;
        INCOMPLETE.forEach(status -> Gauge.builder("tierdesk.events.incomplete", () -> publications.countByStatus(status))
                .description("Module event publications not completed yet").tag("status", status.name()).register(meters));
    }

    @Bean
    RecurringTask<Void> eventPublicationUpkeepTask() {
        return Tasks.recurring("event-publication-upkeep", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> tidy());
    }

    /** What one round did. */
    record Round(int stale, int retried, int abandoned) {
    }

    Round tidy() {
        Instant now = time.now();
        List<TargetEventPublication> stale = registry.findIncompletePublications().stream()
                .filter(publication -> publication.getStatus() != Status.FAILED)
                .filter(publication -> lastTry(publication).isBefore(now.minus(settings.staleAfter())))
                .toList();
        stale.forEach(publication -> publications.markFailed(publication.getIdentifier()));
        List<TargetEventPublication> due = publications.findByStatus(Status.FAILED).stream()
                .filter(publication -> lastTry(publication).isBefore(now.minus(settings.retryAfter())))
                .toList();
        Set<UUID> retried = due.stream().filter(publication -> publication.getCompletionAttempts() < settings.maxAttempts())
                .map(EventPublication::getIdentifier).collect(Collectors.toSet());
        if (!retried.isEmpty()) {
            failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> retried.contains(publication.getIdentifier())));
        }
        completed.deletePublicationsOlderThan(settings.keepCompleted());
        Round round = new Round(stale.size(), retried.size(), due.size() - retried.size());
        if (round.stale() + round.retried() > 0) {
            log.warn("Module events: {} publications taken for lost, {} failed ones tried again, {} given up after {} tries",
                    round.stale(), round.retried(), round.abandoned(), settings.maxAttempts());
        }
        return round;
    }

    private static Instant lastTry(EventPublication publication) {
        return publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
    }
}
