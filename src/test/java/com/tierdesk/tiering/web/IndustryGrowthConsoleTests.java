package com.tierdesk.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierdesk.tiering.IndustryGrowth;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IndustryGrowthConsoleTests extends ConsoleTestSupport {

    @Autowired
    IndustryGrowth growth;

    @Test
    void supervisorsAddChangeAndRemoveRatesOthersReadThem() throws Exception {
        String industry = "console-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/tiering/industry-growth").param("lang", "en").with(as("agent", "AGENT")).with(csrf()).param("industry", industry))
                .andExpect(status().isForbidden());

        mvc.perform(post("/tiering/industry-growth").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf()).param("industry", industry)
                .param("year", "2026").param("growthPercent", "8.5").param("source", "association report"))
                .andExpect(redirectedUrl("/tiering/industry-growth"));
        assertThat(growth.rates()).anySatisfy(rate -> {
            assertThat(rate.industry()).isEqualTo(industry);
            assertThat(rate.growthPercent()).isEqualByComparingTo(new BigDecimal("8.5"));
        });
        assertThat(html(get("/tiering/industry-growth").with(as("agent", "AGENT"))))
                .contains("data-industry=\"" + industry + "\"").contains("8.5%").doesNotContain("id=\"growth-form\"");
        assertThat(html(get("/tiering/industry-growth").param("industry", industry).param("year", "2026")
                .with(as("wang", "SUPERVISOR")))).contains("id=\"growth-form\"").contains("value=\"8.5\"")
                .contains("value=\"association report\"");

        String refused = html(post("/tiering/industry-growth").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                .param("industry", industry).param("year", "2026").param("growthPercent", "8.555"));
        assertThat(refused).contains("id=\"growth-problems\"").contains("growthPercent: must be a percentage");
        assertThat(html(post("/tiering/industry-growth").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                .param("industry", industry).param("year", "next").param("growthPercent", "lots")))
                .contains("year: &#39;next&#39; is not a number").contains("growthPercent: &#39;lots&#39; is not a number");

        mvc.perform(post("/tiering/industry-growth/delete").param("lang", "en").with(as("wang", "SUPERVISOR")).with(csrf())
                .param("industry", industry).param("year", "2026")).andExpect(redirectedUrl("/tiering/industry-growth"));
        assertThat(growth.rates()).noneSatisfy(rate -> assertThat(rate.industry()).isEqualTo(industry));
    }

}
