package com.tierdesk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How module events that are not done get done, and how long done ones are kept (docs/operations.md, Module events).
 *
 * @param retryAfter a publication whose listener failed is tried again this long after its last try
 * @param staleAfter a publication neither completed nor failed this long after it was published (or last tried) is
 *        taken for lost with the instance that ran it, and tried again
 * @param maxAttempts tries after the first; then the publication stays failed for an administrator to look at
 * @param keepCompleted completed publications are deleted when they are older than this
 */
@ConfigurationProperties("tierdesk.events")
record EventSettings(@DefaultValue("PT1M") Duration retryAfter, @DefaultValue("PT30M") Duration staleAfter,
        @DefaultValue("10") int maxAttempts, @DefaultValue("P7D") Duration keepCompleted) {
}
