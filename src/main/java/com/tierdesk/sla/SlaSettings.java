package com.tierdesk.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA settings ({@code tierdesk.sla.*}, see docs/sla.md): the share of a target's time after which it is at risk
 * (default 0.75), the rule for a tier change while a ticket is open (default keep the better SLA), and what
 * becomes of a first response or return decision when the ticket is solved without one (default not applicable).
 */
@ConfigurationProperties("tierdesk.sla")
public record SlaSettings(@DefaultValue("0.75") double atRisk, @DefaultValue("KEEP_BETTER") TierChangeRule tierChangeRule,
                          @DefaultValue("NOT_APPLICABLE") SolvedWithoutReply solvedWithoutReply) {
}
