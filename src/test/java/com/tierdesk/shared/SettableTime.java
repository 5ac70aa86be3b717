package com.tierdesk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Business time that a test sets: {@code @Import(SettableTime.class)}, then {@code @Autowired SettableTime.SettableClock}
 * and {@code clock.setDate(...)} or {@code clock.set(...)}. Starts at the real time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SettableTime {

    @Bean
    SettableClock settableClock(@Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        return new SettableClock(zone);
    }

    @Bean
    @Primary
    BusinessTime settableBusinessTime(SettableClock clock) {
        return new BusinessTime(clock, clock.businessZone);
    }

    /** A clock that stands still where the test put it. */
    public static final class SettableClock extends Clock {

        private final ZoneId businessZone;
        private volatile Instant now = Clock.systemUTC().instant();

        SettableClock(ZoneId businessZone) {
            this.businessZone = businessZone;
        }

        public void set(Instant instant) {
            now = instant;
        }

        /** The given business day at the given time of day in the business time zone. */
        public void set(LocalDate day, LocalTime time) {
            now = day.atTime(time).atZone(businessZone).toInstant();
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        /** The same settable time seen in another zone, for code that still asks a clock for the business day. */
        @Override
        public Clock withZone(ZoneId zone) {
            SettableClock settable = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return settable.withZone(other);
                }

                @Override
                public Instant instant() {
                    return settable.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
