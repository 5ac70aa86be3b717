package com.tierdesk.tiering;

import java.math.BigDecimal;
import java.time.Instant;

/** An industry's growth in a year, in percent, with where the figure comes from. */
public record IndustryGrowthRate(String industry, int year, BigDecimal growthPercent, String source, Instant updatedAt,
        String updatedBy) {
}
