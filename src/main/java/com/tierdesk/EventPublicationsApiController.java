package com.tierdesk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For administrators: the module events whose listeners have not completed yet (docs/operations.md, Module events). */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Module events", description = "Event publications between modules that are not completed yet")
class EventPublicationsApiController {

    static final int MAX_LIMIT = 1000;

    private final EventPublicationRegistry registry;

    EventPublicationsApiController(EventPublicationRegistry registry) {
        this.registry = registry;
    }

    /** A publication not completed: which event, for which listener, since when, in which state, after how many tries. */
    record Outstanding(UUID id, String listener, String eventType, Object event, Instant publishedAt,
            EventPublication.Status status, int attempts, Instant lastAttemptAt) {

        static Outstanding of(TargetEventPublication publication) {
            return new Outstanding(publication.getIdentifier(), publication.getTargetIdentifier().getValue(),
                    publication.getEvent().getClass().getName(), publication.getEvent(), publication.getPublicationDate(),
                    publication.getStatus(), publication.getCompletionAttempts(), publication.getLastResubmissionDate());
        }
    }

    record Publications(int total, List<Outstanding> oldestFirst) {
    }

    @GetMapping("/api/v1/event-publications")
    @Operation(summary = "Event publications not completed yet, oldest first: published, processing, failed or resubmitted")
    Publications outstanding(@RequestParam(defaultValue = "100") int limit) {
        List<TargetEventPublication> all = registry.findIncompletePublications().stream()
                .sorted(Comparator.comparing(EventPublication::getPublicationDate)).toList();
        return new Publications(all.size(), all.stream().limit(Math.max(1, Math.min(limit, MAX_LIMIT)))
                .map(Outstanding::of).toList());
    }
}
