package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class TierCatalogTests {

    @Autowired
    TierCatalog catalog;

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
}
