package com.tierdesk.security.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard guessing is made (docs/operations.md, "Sign-in throttling"). After {@code delayAfter} failures an account
 * or address must wait before its next attempt, {@code firstDelay} and then twice as long after each further
 * failure, up to {@code longestDelay}; after {@code lockAfter} failures it is locked for {@code lockFor}. Failures
 * older than {@code forgetAfter} no longer count. The address limits also apply to invalid API tokens, counted
 * apart from sign-ins.
 *
 * @param accountDelayAfter failed sign-ins to one account name before its attempts are slowed down
 * @param accountLockAfter  failed sign-ins to one account name that lock it
 * @param addressDelayAfter failed sign-ins (or invalid API tokens) from one client address before it is slowed down
 * @param addressLockAfter  failed sign-ins (or invalid API tokens) from one client address that lock it
 */
@ConfigurationProperties("tierdesk.security.sign-in")
record SignInThrottleSettings(@DefaultValue("5") int accountDelayAfter,
                              @DefaultValue("10") int accountLockAfter,
                              @DefaultValue("20") int addressDelayAfter,
                              @DefaultValue("50") int addressLockAfter,
                              @DefaultValue("PT1S") Duration firstDelay,
                              @DefaultValue("PT30S") Duration longestDelay,
                              @DefaultValue("PT15M") Duration lockFor,
                              @DefaultValue("PT1H") Duration forgetAfter) {

    SignInThrottleSettings {
        if (accountDelayAfter < 1 || accountLockAfter < accountDelayAfter || addressDelayAfter < 1
                || addressLockAfter < addressDelayAfter) {
            throw new IllegalArgumentException("tierdesk.security.sign-in: each delay-after must be at least 1 and "
                    + "at most its lock-after");
        }
        if (firstDelay.isNegative() || longestDelay.compareTo(firstDelay) < 0 || !positive(lockFor) || !positive(forgetAfter)) {
            throw new IllegalArgumentException("tierdesk.security.sign-in: delays must not be negative, the longest "
                    + "delay not shorter than the first, the lock and the memory of failures positive");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
