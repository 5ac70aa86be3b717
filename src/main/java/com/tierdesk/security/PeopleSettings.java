package com.tierdesk.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * People settings ({@code tierdesk.people.*}).
 *
 * @param dailyCap  the most tickets a person is given a day unless their account sets its own cap
 * @param languages the languages the service desk speaks with customers, as codes ({@code zh}, {@code en}): the ones
 *                  a person's language skills and a ticket's requester language are chosen from
 */
@ConfigurationProperties("tierdesk.people")
public record PeopleSettings(@DefaultValue("50") int dailyCap, @DefaultValue({"zh", "en"}) List<String> languages) {

    public PeopleSettings {
        languages = List.copyOf(languages);
    }
}
