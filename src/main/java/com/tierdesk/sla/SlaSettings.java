package com.tierdesk.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA settings ({@code tierdesk.sla.*}): the share of a target's time after which it is at risk (default 0.75),
 * the rule for a tier change while a ticket is open (default keep the better SLA), and the zone in which times
 * on a 24×7 calendar are shown.
 */
@ConfigurationProperties("tierdesk.sla")
public record SlaSettings(@DefaultValue("0.75") double atRisk, @DefaultValue("KEEP_BETTER") TierChangeRule tierChangeRule,
                          @DefaultValue("Asia/Shanghai") java.time.ZoneId displayZone) {
}
