package com.tierdesk.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one {@link BusinessTime}: the system clock in the configured business time zone. */
@Configuration(proxyBeanMethods = false)
class BusinessTimeConfiguration {

    @Bean
    BusinessTime businessTime(@Value("${tierdesk.zone:Asia/Shanghai}") ZoneId zone) {
        return new BusinessTime(Clock.systemUTC(), zone);
    }
}
