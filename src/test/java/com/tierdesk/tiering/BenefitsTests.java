package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "AGENT")
class BenefitsTests {

    @Autowired
    Benefits benefits;

    @Autowired
    MockMvc mvc;

    @Test
    void vipHasTheLongerWindowFreeReturnShippingAndTheLargerDiscountQuota() {
        TierBenefit vip = benefits.of("VIP");
        TierBenefit key = benefits.of("KEY");

        assertThat(vip.returnWindowDays()).isEqualTo(30);
        assertThat(vip.freeReturnShipping()).isTrue();
        assertThat(vip.discountQuotaPercent()).isEqualByComparingTo("10");
        assertThat(vip.priorityChannel()).isTrue();
        assertThat(key.discountQuotaPercent()).isEqualByComparingTo("5");
        assertThat(key.freeReturnShipping()).isFalse();
    }

    @Test
    void aTierNotListedAndACustomerWithoutATierGetTheStandardBenefits() {
        assertThat(benefits.of("REGULAR")).isEqualTo(benefits.standard());
        assertThat(benefits.of(null).returnWindowDays()).isEqualTo(7);
        assertThat(benefits.of(null).freeReturnShipping()).isFalse();
        assertThat(benefits.of("vip")).isEqualTo(benefits.of("VIP"));
    }

    @Test
    void aCatalogueEntryOutsideItsRangeIsRefusedAtStart() {
        assertThatThrownBy(() -> new TierBenefit(false, 400, BigDecimal.ZERO, false))
                .hasMessageContaining("0 to 365 days");
        assertThatThrownBy(() -> new TierBenefit(false, 7, new BigDecimal("101"), false))
                .hasMessageContaining("0 to 100 %");
    }

    @Test
    void theCatalogueIsReadThroughTheApiAndShownOnTheConsole() throws Exception {
        mvc.perform(get("/api/v1/tiering/benefits")).andExpect(status().isOk())
                .andExpect(jsonPath("$.VIP.returnWindowDays").value(30))
                .andExpect(jsonPath("$.KEY.discountQuotaPercent").value(5));
        mvc.perform(get("/tiering/benefits")).andExpect(status().isOk());
    }
}
