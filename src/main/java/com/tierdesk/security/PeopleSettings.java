package com.tierdesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param dailyCap the most tickets a person is given a day unless their account sets its own cap */
@ConfigurationProperties("tierdesk.people")
public record PeopleSettings(@DefaultValue("50") int dailyCap) {
}
