package com.tierdesk.tiering.internal;

import com.tierdesk.shared.JdbcTimestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-industry growth table: percent per industry and year. */
@Repository
public class IndustryGrowthStore {

    public record Entry(String industry, int year, BigDecimal growthPercent, String source, Instant updatedAt,
            String updatedBy) {
    }

    private final JdbcClient jdbc;

    IndustryGrowthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each industry's growth for the latest year up to {@code year}. */
    public Map<String, Double> asOf(int year) {
        Map<String, Double> growth = new HashMap<>();
        jdbc.sql("""
                SELECT g.industry, g.growth_percent FROM industry_growth g
                 WHERE g.growth_year = (SELECT MAX(l.growth_year) FROM industry_growth l
                                         WHERE l.industry = g.industry AND l.growth_year <= :year)
                """).param("year", year)
                .query((RowCallbackHandler) rs -> growth.put(rs.getString(1), rs.getBigDecimal(2).doubleValue()));
        return growth;
    }

    public List<Entry> all() {
        return jdbc.sql("SELECT industry, growth_year, growth_percent, source, updated_at, updated_by FROM industry_growth "
                        + "ORDER BY industry, growth_year DESC")
                .query((rs, row) -> new Entry(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4),
                        JdbcTimestamps.read(rs, "updated_at"), rs.getString(6)))
                .list();
    }

    public void put(Entry entry) {
        int updated = jdbc.sql("""
                UPDATE industry_growth SET growth_percent = :growth, source = :source, updated_at = :at, updated_by = :by
                 WHERE industry = :industry AND growth_year = :year
                """)
                .param("growth", entry.growthPercent()).param("source", entry.source())
                .param("at", JdbcTimestamps.toColumn(entry.updatedAt())).param("by", entry.updatedBy())
                .param("industry", entry.industry()).param("year", entry.year()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO industry_growth (industry, growth_year, growth_percent, source, updated_at, updated_by)
                    VALUES (:industry, :year, :growth, :source, :at, :by)
                    """)
                    .param("growth", entry.growthPercent()).param("source", entry.source())
                    .param("at", JdbcTimestamps.toColumn(entry.updatedAt())).param("by", entry.updatedBy())
                    .param("industry", entry.industry()).param("year", entry.year()).update();
        }
    }

    public boolean delete(String industry, int year) {
        return jdbc.sql("DELETE FROM industry_growth WHERE industry = :industry AND growth_year = :year")
                .param("industry", industry).param("year", year).update() > 0;
    }
}
