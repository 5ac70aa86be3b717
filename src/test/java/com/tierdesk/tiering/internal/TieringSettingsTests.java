package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.tiering.CadenceGroup;
import com.tierdesk.tiering.internal.TieringSettings.Cadence;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TieringSettingsTests {

    static final Cadence SHIPPED = new Cadence(List.of(1, 4, 7, 10), List.of(1, 7), 1, 7);

    @Test
    void theTopTierIsDueOnTheFirstOfEveryQuarterEverybodyOnTheFirstOfJanuaryAndJuly() {
        assertThat(SHIPPED.lastDate(CadenceGroup.TOP_TIER, LocalDate.of(2027, 3, 31))).hasValue(LocalDate.of(2027, 1, 1));
        assertThat(SHIPPED.lastDate(CadenceGroup.TOP_TIER, LocalDate.of(2027, 4, 1))).hasValue(LocalDate.of(2027, 4, 1));
        assertThat(SHIPPED.lastDate(CadenceGroup.EVERYBODY, LocalDate.of(2027, 4, 1))).hasValue(LocalDate.of(2027, 1, 1));
        assertThat(SHIPPED.lastDate(CadenceGroup.EVERYBODY, LocalDate.of(2027, 6, 30))).hasValue(LocalDate.of(2027, 1, 1));
        assertThat(SHIPPED.lastDate(CadenceGroup.EVERYBODY, LocalDate.of(2027, 7, 1))).hasValue(LocalDate.of(2027, 7, 1));
        assertThat(SHIPPED.lastDate(CadenceGroup.TOP_TIER, LocalDate.of(2026, 12, 31))).hasValue(LocalDate.of(2026, 10, 1));
        assertThat(SHIPPED.lastDate(CadenceGroup.EVERYBODY, LocalDate.of(2027, 1, 1))).hasValue(LocalDate.of(2027, 1, 1));
    }

    @Test
    void datesAreConfigurableAndNoMonthsTurnACadenceOff() {
        Cadence fifteenth = new Cadence(List.of(3), List.of(), 15, 7);

        assertThat(fifteenth.lastDate(CadenceGroup.TOP_TIER, LocalDate.of(2027, 3, 14))).hasValue(LocalDate.of(2026, 3, 15));
        assertThat(fifteenth.lastDate(CadenceGroup.TOP_TIER, LocalDate.of(2027, 3, 15))).hasValue(LocalDate.of(2027, 3, 15));
        assertThat(fifteenth.lastDate(CadenceGroup.EVERYBODY, LocalDate.of(2027, 3, 15))).isEmpty();
        assertThatThrownBy(() -> new Cadence(List.of(13), List.of(1), 1, 7)).hasMessageContaining("months must be 1 to 12");
        assertThatThrownBy(() -> new Cadence(List.of(1), List.of(1), 31, 7)).hasMessageContaining("cadence.day");
    }
}
