package com.tierdesk.tiering;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.Conflict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class TierCatalogTests {

    @Autowired
    TierCatalog catalog;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void shipsTheFourTiersOfTheSpecificationBestFirst() {
        assertThat(catalog.codes()).containsExactly("VIP", "KEY", "REGULAR", "WATCH");
        assertThat(catalog.find("KEY")).hasValueSatisfying(tier -> {
            assertThat(tier.rank()).isEqualTo(2);
            assertThat(tier.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("重点客户");
            assertThat(tier.name(Locale.ENGLISH)).isEqualTo("Key");
        });
        assertThat(catalog.find("GOLD")).isEmpty();
    }

    @Test
    void namesAndCountAreConfigurationButHeldTiersStay() {
        List<Tier> shipped = catalog.tiers();
        List<Tier> renamed = List.of(new Tier("VIP", 1, "VIP 会员", "VIP member"), new Tier("KEY", 2, "高级会员", "Senior member"),
                new Tier("REGULAR", 3, "普通会员", "Member"), new Tier("WATCH", 4, "潜在客户", "Prospect"));
        try {
            assertThat(catalog.replace(renamed, "admin")).extracting(Tier::nameZh)
                    .containsExactly("VIP 会员", "高级会员", "普通会员", "潜在客户");
            assertThatThrownBy(() -> catalog.replace(List.of(new Tier("gold", 1, "金", "Gold"), new Tier("GOLD", 2, " ", "Gold")), "admin"))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                            .containsExactly("tiers[0].code", "tiers[1].nameZh"));
            jdbc.sql("INSERT INTO customer_tier (customer_id, downgrade_pending, effective_tier, effective_since) "
                    + "VALUES (987654321, FALSE, 'WATCH', CURRENT_TIMESTAMP)").update();
            assertThatThrownBy(() -> catalog.replace(renamed.subList(0, 3), "admin"))
                    .isInstanceOf(Conflict.class).hasMessageContaining("[WATCH]");
        } finally {
            jdbc.sql("DELETE FROM customer_tier WHERE customer_id = 987654321").update();
            catalog.replace(shipped, "admin");
        }
    }
}
