package com.tierdesk.tiering;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The configured tier ladder, best tier first (by default VIP, KEY, REGULAR, WATCH). */
@Service
@Transactional(readOnly = true)
public class TierCatalog {

    private final JdbcClient jdbc;

    TierCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tier> tiers() {
        return jdbc.sql("SELECT code, position, name_zh, name_en FROM tier ORDER BY position")
                .query((rs, row) -> new Tier(rs.getString(1), row + 1, rs.getString(3), rs.getString(4)))
                .list();
    }

    public List<String> codes() {
        return tiers().stream().map(Tier::code).toList();
    }

    public Optional<Tier> find(String code) {
        return tiers().stream().filter(tier -> tier.code().equals(code)).findFirst();
    }
}
