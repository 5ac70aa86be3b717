package com.tierdesk;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * For tests whose assertions read the API's answers in English: every request asks for English
 * ({@code Accept-Language: en}) unless it names a language itself. Without the header the API answers in Chinese,
 * the console's language ({@code shared.ProblemLanguageTests}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EnglishAnswers {

    @Bean
    MockMvcBuilderCustomizer askForEnglish() {
        return builder -> builder.defaultRequest(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }
}
